// Hostile input never becomes a 500. Forms and path parameters answer with domain errors; and
// whatever a member sends (random bytes, mutated manifests, validly signed but malformed files),
// the hub's pull classifies it as refused or failed, keeps the last good snapshot, and never
// meets an error it did not expect ("internal").
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import { isDomainError } from '../platform/errors';
import { parse } from '../platform/validate';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as federation from '.';
import { federationMembers, federationScores } from './schema';
import { countryResult, FakeMember, federatedEvent, useFakeNetwork } from './testing';
import { useNetwork } from './net';

useFreshDatabase();
let admin: Actor;
let member: FakeMember;
let memberId: string;

const hostile = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40, unit: 'grapheme' }), fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', 'http://127.0.0.1:22/', 'https://a.example/x?y', 'sha256:' + 'g'.repeat(64), 'KE,,ZZ,XX', '٣٤', '<script>'));

beforeAll(async () => {
	process.env.FEDERATION_ALLOW_PRIVATE = '1';
	admin = await makeUser({ grants: [grant('admin')] });
	member = new FakeMember('https://member.example', ['KE']);
	useFakeNetwork(member);
	member.publishScores([countryResult('KE', 2025, 60)]);
	member.publish('services', { 'services.json': '[]' });
	memberId = await federation.registerMember(admin, { origin: member.origin, fingerprint: member.key.fp, countries: 'KE' });
	await federation.pullNow(admin, memberId);
});

afterAll(() => {
	useNetwork();
	delete process.env.FEDERATION_ALLOW_PRIVATE;
});

const expectDomain = async (run: () => Promise<unknown>) => {
	try {
		await run();
	} catch (e) {
		expect(isDomainError(e), String(e)).toBe(true);
	}
};

describe('federation: hostile input', () => {
	it('forms answer with domain errors only', async () => {
		await fc.assert(
			fc.asyncProperty(fc.record({ origin: hostile, name: hostile, fingerprint: hostile, countries: hostile, role: hostile }), async (x) => {
				await expectDomain(() => federation.registerMember(admin, x));
				await expectDomain(() => federation.saveSettings(admin, x));
				await expectDomain(() => federation.pullNow(admin, x.name));
				await expectDomain(() => federation.removeMember(admin, x.name));
			}),
			{ numRuns: 40 }
		);
	});

	it('path parameters of the feeds answer with domain errors only', () => {
		fc.assert(
			fc.property(fc.record({ feed: hostile, sequence: hostile, file: hostile }), (p) => {
				try {
					parse(federation.openapi.FilePath, p);
				} catch (e) {
					expect(isDomainError(e)).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	const pullIsClassified = async () => {
		const reports = await federation.pullNow(admin, memberId);
		for (const r of reports) {
			expect(['applied', 'unchanged', 'refused', 'failed']).toContain(r.outcome);
			expect(r.code).not.toBe('internal');
		}
		return reports;
	};

	it('random bytes as a manifest are refused', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')), fc.json(), hostile), async (body) => {
				member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => new Response(body, { headers: { etag: `"x${Math.random()}"` } }));
				const [progress] = await pullIsClassified();
				expect(progress.outcome).not.toBe('applied');
			}),
			{ numRuns: 30 }
		);
		member.override.clear();
	});

	it('a mutated manifest is refused (the signature covers every field)', async () => {
		const good = member.snapshots.progress!.manifest;
		const keys = ['type', 'version', 'instance', 'feed', 'sequence', 'created', 'countries', 'files', 'proof', 'name', 'extra'];
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...keys), fc.anything({ maxDepth: 2 }), async (key, value) => {
				const bad = { ...structuredClone(good), [key]: value };
				if (JSON.stringify(bad[key]) === JSON.stringify((good as Record<string, unknown>)[key])) return;
				member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => new Response(JSON.stringify(bad) ?? 'null'));
				const [progress] = await pullIsClassified();
				// only a new, unknown top-level key that the schema drops leaves the signed content unchanged... and the signature then fails
				expect(progress.outcome === 'refused' || progress.outcome === 'unchanged').toBe(true);
			}),
			{ numRuns: 40 }
		);
		member.override.clear();
	});

	it('validly signed files with hostile content are refused, and the last good snapshot stays', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.json(), fc.anything({ maxDepth: 3 }).map((x) => JSON.stringify({ frameworkVersion: 1, results: [x] }) ?? '')), fc.string({ maxLength: 200 }), async (scores, csv) => {
				member.publish('progress', { 'scores.json': scores, 'observations.csv': csv });
				const [progress] = await pullIsClassified();
				expect(progress.outcome).toBe('refused');
			}),
			{ numRuns: 40 }
		);
		const rows = await db().select().from(federationScores).where(eq(federationScores.memberId, memberId));
		expect(rows.map((r) => r.overall)).toEqual([60]);
		const [m] = await db().select().from(federationMembers).where(eq(federationMembers.id, memberId));
		expect(m.feeds.progress.sequence).toBe(1);
	});

	it('hostile HSDS services are refused', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 3 }), async (list) => {
				member.publish('services', { 'services.json': JSON.stringify(list) ?? '[]' });
				const [, services] = await pullIsClassified();
				if (list.length) expect(services.outcome).toBe('refused');
			}),
			{ numRuns: 30 }
		);
	});

	it('hostile events are refused, and a valid event with one field mutated is refused or taken, never an internal error', async () => {
		const valid = federatedEvent(member.origin, '0a1b2c3d-0000-4000-8000-0000000000aa');
		await fc.assert(
			fc.asyncProperty(fc.array(fc.anything({ maxDepth: 3 }), { minLength: 1, maxLength: 3 }), async (list) => {
				member.publish('events', { 'events.json': JSON.stringify({ events: list }) });
				const [, , events] = await pullIsClassified();
				expect(events.outcome).toBe('refused');
			}),
			{ numRuns: 20 }
		);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...Object.keys(valid)), fc.oneof(hostile, fc.anything({ maxDepth: 2 })), async (field, value) => {
				member.publish('events', { 'events.json': JSON.stringify({ events: [{ ...valid, [field]: value }] }) });
				const [, , events] = await pullIsClassified();
				expect(['refused', 'applied']).toContain(events.outcome);
			}),
			{ numRuns: 40 }
		);
	});
});
