// The hub's pull against a member in memory: first pull with the agreed fingerprint, ETag,
// replay, tampered files, bad signatures, untrusted countries, endorsed and unendorsed rotation,
// a member that is down, and the federated scores reaching the progress read API.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import * as progress from '../progress';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as federation from '.';
import { federationMembers, federationPulls, federationScores, federationServices } from './schema';
import { countryResult, FakeMember, federatedEvent, useFakeNetwork } from './testing';
import { useNetwork } from './net';
import { seedPublishedAssessment } from '../test/progress';

useFreshDatabase();
let admin: Actor;
let member: FakeMember;
let memberId: string;

beforeAll(async () => {
	process.env.FEDERATION_ALLOW_PRIVATE = '1';
	admin = await makeUser({ grants: [grant('admin')] });
	member = new FakeMember('https://member.example', ['KE', 'TZ']);
	useFakeNetwork(member);
	member.publishScores([countryResult('KE', 2025, 60), countryResult('TZ', 2025, 40)]);
	member.publish('services', { 'services.json': '[]' });
	memberId = await federation.registerMember(admin, { origin: member.origin, fingerprint: member.key.fp.toUpperCase().replace('SHA256:', ''), countries: 'KE, TZ', name: 'East' });
});

afterAll(() => {
	useNetwork();
	delete process.env.FEDERATION_ALLOW_PRIVATE;
});

const scoresOf = async () => (await db().select().from(federationScores).where(eq(federationScores.memberId, memberId))).map((r) => `${r.country}:${r.period}:${r.overall}:${r.sequence}`).sort();
const lastPull = async () => (await db().select().from(federationPulls).where(eq(federationPulls.feed, 'progress')).orderBy(federationPulls.id)).at(-1)!;
const memberRow = async () => (await db().select().from(federationMembers).where(eq(federationMembers.id, memberId)))[0];

describe('federation: the hub pulls a member', () => {
	it('refuses a non-admin, and a bad origin or fingerprint', async () => {
		const someone = await makeUser();
		await expect(federation.pullNow(someone, memberId)).rejects.toMatchObject({ status: 403 });
		await expect(federation.registerMember(admin, { origin: 'ftp://x', fingerprint: member.key.fp, countries: 'FR' })).rejects.toMatchObject({ status: 400, fields: { origin: 'federation_origin_invalid' } });
		await expect(federation.registerMember(admin, { origin: 'https://b.example', fingerprint: 'abc', countries: 'FR' })).rejects.toMatchObject({ fields: { fingerprint: 'federation_fingerprint_invalid' } });
		await expect(federation.registerMember(admin, { origin: 'https://c.example', fingerprint: member.key.fp, countries: 'KE' })).rejects.toMatchObject({ status: 409 });
	});

	it('accepts the first snapshot signed by the agreed key, with provenance', async () => {
		const r = await federation.pullNow(admin, memberId);
		// this member publishes no events feed (a member of an earlier version): nothing to take, not a failure
		expect(r).toMatchObject([{ outcome: 'applied' }, { outcome: 'applied' }, { feed: 'events', outcome: 'unchanged', code: 'not_published' }]);
		expect(await scoresOf()).toEqual(['KE:2025:60:1', 'TZ:2025:40:1']);
		const m = await memberRow();
		expect(m.keys.map((k) => k.fingerprint)).toEqual([member.key.fp]);
		expect(m.feeds.progress.sequence).toBe(1);
		expect(m.failures).toBe(0);
	});

	it('costs a 304 when nothing changed', async () => {
		const r = await federation.pullNow(admin, memberId);
		expect(r.map((x) => x.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
	});

	it('refuses a replayed (older) sequence and keeps the last good snapshot', async () => {
		member.publishScores([countryResult('KE', 2025, 10)], { sequence: 1 });
		member.snapshots.progress!.manifest.sequence = 0; // not even valid
		let r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'manifest_invalid' });
		member.sequence.progress = 1;
		member.publishScores([countryResult('KE', 2025, 70)]); // sequence 2
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'applied', sequence: 2 });
		member.publishScores([countryResult('KE', 2025, 10)], { sequence: 1 });
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'replay' });
		expect(await scoresOf()).toEqual(['KE:2025:70:2']);
		expect((await memberRow()).lastError).toContain('replay');
	});

	it('refuses a file that does not match its hash, and a tampered manifest', async () => {
		member.publishScores([countryResult('KE', 2025, 80)], { sequence: 3 });
		member.snapshots.progress!.files['scores.json'] = member.snapshots.progress!.files['scores.json'].replace('80', '99');
		let r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'hash_mismatch' });
		member.publishScores([countryResult('KE', 2025, 80)], { sequence: 3 });
		(member.snapshots.progress!.manifest as { countries: string[] }).countries = ['KE'];
		member.snapshots.progress!.manifest.created = '2020-01-01T00:00:00Z';
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'bad_signature' });
		expect(await scoresOf()).toEqual(['KE:2025:70:2']);
	});

	it('refuses a country the member is not trusted for', async () => {
		member.publishScores([countryResult('UG', 2025, 50)], { sequence: 4 });
		const r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'country_not_trusted' });
	});

	it('refuses a key it does not know, and follows a rotation endorsed by the old key', async () => {
		const stranger = new FakeMember(member.origin, ['KE']);
		member.publishScores([countryResult('KE', 2025, 75)], { sequence: 5, key: stranger.key });
		let r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'unknown_key' });
		member.rotate(true);
		member.publishScores([countryResult('KE', 2025, 76)], { sequence: 5 });
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'applied', sequence: 5 });
		expect((await memberRow()).keys).toHaveLength(2);
		member.rotate(false); // not endorsed: the hub admin would have to agree on it again
		member.publishScores([countryResult('KE', 2025, 77)], { sequence: 6 });
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'unknown_key' });
		member.keys.pop();
	});

	it('records a member that is down, backs off, and keeps its data', async () => {
		member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => {
			throw new TypeError('connect ECONNREFUSED');
		});
		const before = (await memberRow()).failures;
		const r = await federation.pullNow(admin, memberId, new Date('2030-01-01T00:00:00Z'));
		expect(r[0]).toMatchObject({ outcome: 'failed', code: 'unreachable' });
		const m = await memberRow();
		expect(m.failures).toBe(before + 1);
		expect(m.nextPullAt!.getTime() - Date.parse('2030-01-01T00:00:00Z')).toBe(Math.min(60, 2 ** before) * 60_000);
		expect((await lastPull()).outcome).toBe('failed');
		expect(await scoresOf()).toEqual(['KE:2025:76:5']);
		member.override.clear();
	});

	it('refuses a redirect', async () => {
		member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } }));
		const r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'redirect_refused' });
		member.override.clear();
	});

	it('puts federated countries in the progress read API and roll-ups, with their source', async () => {
		await seedPublishedAssessment(db(), { country: 'GH', period: 2025, level: 1 });
		await seedPublishedAssessment(db(), { country: 'SN', period: 2025, level: 0.5 });
		const results = await progress.publishedCountryResults(db(), { period: 2025 });
		expect(results.map((r) => r.country)).toEqual(['GH', 'KE', 'SN']);
		const ke = results.find((r) => r.country === 'KE')!;
		expect(ke.source).toMatchObject({ name: 'East', url: member.origin });
		expect(results.find((r) => r.country === 'GH')!.source).toBeUndefined();
		const africa = (await progress.publishedAggregates(db(), { period: 2025 })).find((a) => a.scope.kind === 'region' && a.scope.region === 'africa')!;
		expect(africa).toMatchObject({ countries: 3, suppressed: false });
		const obs = await progress.opendata.observations(db(), { refArea: 'KE' });
		expect(obs.some((o) => o.indicator === 'OVERALL' && o.value === 76)).toBe(true);
		expect(obs.every((o) => o.source === member.origin)).toBe(true);
		// the exports carry the source: the member's address for Kenya, empty for Ghana (this hub's own)
		const all = await progress.opendata.observations(db(), { period: 2025 });
		const sdmx = progress.opendata.toSdmxCsv(all).split('\r\n');
		expect(sdmx[0].endsWith(',VALIDATION_STATUS,SOURCE_INSTANCE')).toBe(true);
		expect(sdmx.find((l) => l.includes(',KE,OVERALL,'))!.endsWith(`,VALIDATED,${member.origin}`)).toBe(true);
		expect(sdmx.find((l) => l.includes(',GH,OVERALL,'))!.endsWith(',VALIDATED,')).toBe(true);
		const plain = progress.opendata.toPlainCsv(all).split('\r\n');
		expect(plain.find((l) => l.startsWith('KE,country,OVERALL,'))!.endsWith(`,${member.origin}`)).toBe(true);
		expect(await progress.publishedPeriods(db())).toEqual([2025]);
	});

	it('does not let a focal point start an assessment for a federated country', async () => {
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		await expect(progress.openAssessment(fp, { country: 'KE', period: '2026' })).rejects.toMatchObject({ status: 409, code: 'progress_country_federated' });
	});

	it('lists federated services in the HSDS export, marked with their source', async () => {
		const directory = await import('../directory');
		const id = '3b8f2a54-6a51-4f7e-9d0b-1c2d3e4f5a6b';
		const record = { id, name: 'Test helpline from the member', description: 'Synthetic record for a test', attributes: [] };
		const now = new Date('2026-01-02T03:04:05Z');
		await db().insert(federationServices).values({ memberId, sequence: 1, snapshotAt: now, pulledAt: now, id, name: record.name, countries: ['KE'], record });
		const page = await directory.hsds.hsdsServicePage({ page: 1, perPage: 50 });
		const got = page.contents.find((s) => s.id === id)!;
		expect(got.name).toBe(record.name);
		const from = got.attributes.find((a) => a.taxonomy_term.code === 'federated_from')!;
		expect(JSON.parse(from.value!)).toEqual({ name: 'East', url: member.origin, snapshot_at: now.toISOString() });
		expect(page.total_items).toBe(page.contents.length);
		expect((await directory.hsds.hsdsServicePage({ page: 1, perPage: 50, search: 'helpline from' })).contents.map((s) => s.id)).toEqual([id]);
		expect((await directory.hsds.hsdsServicePage({ page: 1, perPage: 50, search: 'nothing like it' })).contents).toEqual([]);
		expect((await directory.hsds.findFederated(id))?.id).toBe(id);
		// the help map counts it for Kenya and names where it comes from
		const shared = await federation.federatedCoverage();
		expect(shared.coverage).toContainEqual({ country: 'KE', services: 1 });
		expect(shared.sources).toContainEqual({ name: 'East', origin: member.origin, snapshotAt: now });
		await db().delete(federationServices).where(eq(federationServices.id, id));
	});

	it('filters federated services in the help finder like local ones', async () => {
		const directory = await import('../directory');
		const { serviceInput, weekdays9to17 } = await import('../test/directory');
		// two services as a member would publish them (built here and exported to HSDS)
		const made = await db().transaction(async (tx) => [
			await directory.insertServiceAsSystem(tx, serviceInput({ name: { en: 'Member Chat' }, countries: ['UG'], topics: ['sextortion'], languages: ['sw'], ageMin: 13, channels: [{ type: 'webchat', value: 'https://chat.example.org', hours: weekdays9to17('Africa/Nairobi') }] }), { isDemo: false }),
			await directory.insertServiceAsSystem(tx, serviceInput({ name: { en: 'Member Line' }, countries: ['UG'] }), { isDemo: false })
		]);
		const records = (await directory.hsds.hsdsServicePage({ page: 1, perPage: 50, search: 'member' })).contents.filter((r) => made.includes(r.id));
		expect(records).toHaveLength(2);
		const now = new Date('2026-01-02T03:04:05Z');
		await db().insert(federationServices).values(records.map((record) => ({ memberId, sequence: 1, snapshotAt: now, pulledAt: now, id: record.id, name: record.name, countries: ['UG'], record: record as unknown as Record<string, unknown> })));
		// a record that does not read back whole: only an unfiltered search shows it
		await db().insert(federationServices).values({ memberId, sequence: 1, snapshotAt: now, pulledAt: now, id: 'not-whole', name: 'Partial record', countries: ['UG'], record: { id: 'not-whole', name: 'Partial record', attributes: [] } });

		const names = async (params: Parameters<typeof federation.federatedServices>[0]) => (await federation.federatedServices(params)).map((s) => s.name).sort();
		expect(await names({ country: 'UG' })).toEqual(['Member Chat', 'Member Line', 'Partial record']);
		expect(await names({ country: 'UG', topic: 'sextortion' })).toEqual(['Member Chat']);
		expect(await names({ country: 'UG', age: 10 })).toEqual(['Member Line']);
		expect(await names({ country: 'UG', language: 'sw', channel: 'webchat' })).toEqual(['Member Chat']);
		expect(await names({ country: 'UG', q: 'line' })).toEqual(['Member Line']);
		// Wednesday 10:00 in Nairobi: the chat is open; Sunday it is not, the always-open line is
		expect(await names({ country: 'UG', openNow: true, now: new Date('2026-12-02T07:00:00Z') })).toEqual(['Member Chat', 'Member Line']);
		expect(await names({ country: 'UG', openNow: true, now: new Date('2026-12-06T07:00:00Z') })).toEqual(['Member Line']);
		expect(await names({ country: 'KE' })).toEqual([]);
		await db().delete(federationServices).where(eq(federationServices.memberId, memberId));
	});

	it('takes a paged services feed page by page; a bad page or a gap in the pages keeps the last good list', async () => {
		const directory = await import('../directory');
		const { serviceInput } = await import('../test/directory');
		const made = await db().transaction(async (tx) => {
			const ids: string[] = [];
			for (const n of [1, 2, 3]) ids.push(await directory.insertServiceAsSystem(tx, serviceInput({ name: { en: `Paged Member Line ${n}` }, countries: ['TZ'] }), { isDemo: false }));
			return ids;
		});
		const records = (await directory.hsds.hsdsServicePage({ page: 1, perPage: 50, search: 'paged member' })).contents.filter((r) => made.includes(r.id));
		const held = async () => (await db().select({ id: federationServices.id }).from(federationServices).where(eq(federationServices.memberId, memberId))).map((r) => r.id).sort();
		member.publish('services', { 'services-0001.json': JSON.stringify(records.slice(0, 2)), 'services-0002.json': JSON.stringify(records.slice(2)) });
		let r = await federation.pullNow(admin, memberId);
		expect(r[1]).toMatchObject({ outcome: 'applied', count: 3 });
		expect(await held()).toEqual([...made].sort());

		// the second page does not match its hash: nothing of the new snapshot is kept, not even page 1
		member.publish('services', { 'services-0001.json': '[]', 'services-0002.json': JSON.stringify(records.slice(2)) });
		member.snapshots.services!.files['services-0002.json'] = member.snapshots.services!.files['services-0002.json'].replace('Paged', 'Faked');
		r = await federation.pullNow(admin, memberId);
		expect(r[1]).toMatchObject({ outcome: 'refused', code: 'hash_mismatch' });
		expect(await held()).toEqual([...made].sort());

		// a gap in the numbering, or a page beside the single file: not a list of files a hub takes
		const lists: Record<string, string>[] = [{ 'services-0001.json': '[]', 'services-0003.json': '[]' }, { 'services-0001.json': '[]', 'services.json': '[]' }];
		for (const files of lists) {
			member.publish('services', files);
			r = await federation.pullNow(admin, memberId);
			expect(r[1]).toMatchObject({ outcome: 'refused', code: 'files_unexpected' });
		}
		// a NUL in a record that reads as HSDS: refused, not an internal error
		member.publish('services', { 'services-0001.json': JSON.stringify([{ ...records[0], description: 'Line\u0000' }]) });
		r = await federation.pullNow(admin, memberId);
		expect(r[1]).toMatchObject({ outcome: 'refused', code: 'services_invalid' });
		// a service id repeated on two pages
		member.publish('services', { 'services-0001.json': JSON.stringify(records.slice(0, 1)), 'services-0002.json': JSON.stringify(records.slice(0, 1)) });
		r = await federation.pullNow(admin, memberId);
		expect(r[1]).toMatchObject({ outcome: 'refused', code: 'services_invalid' });
		expect(await held()).toEqual([...made].sort());
		member.publish('services', { 'services.json': '[]' });
		await federation.pullNow(admin, memberId);
		expect(await held()).toEqual([]);
	});

	it('refuses to federate a country this hub manages itself', async () => {
		await seedPublishedAssessment(db(), { country: 'TZ', period: 2025, level: 1 });
		member.publishScores([countryResult('KE', 2025, 77), countryResult('TZ', 2025, 30)], { sequence: 6 });
		const r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'country_local' });
		expect(await scoresOf()).toEqual(['KE:2025:76:5']);
	});

	it('runs the pull as a job and schedules the next', async () => {
		const { runDue } = await import('../platform/jobs');
		member.publishScores([countryResult('KE', 2025, 78)], { sequence: 7 });
		await db().update(federationMembers).set({ failures: 0 }).where(eq(federationMembers.id, memberId));
		await federation.schedulePull(db(), memberId, new Date('2031-01-01T00:00:00Z'));
		expect(await runDue(new Date('2031-01-01T00:00:01Z'))).toBeGreaterThanOrEqual(1);
		expect(await scoresOf()).toEqual(['KE:2025:78:7']);
		expect((await memberRow()).nextPullAt!.getTime()).toBeGreaterThan(Date.parse('2031-01-01T00:00:00Z'));
	});

	it('still accepts observations.csv without the SOURCE_INSTANCE column, from a member of an older version', async () => {
		member.publishScores([countryResult('KE', 2025, 79)], { sequence: 8, legacyCsv: true });
		const r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'applied', sequence: 8 });
		expect(await scoresOf()).toEqual(['KE:2025:79:8']);
	});
	it('takes the legal tracker\'s measures with their source; a bad legal.json keeps the last good ones', async () => {
		await seedPublishedAssessment(db(), { country: 'GH', period: 2025, level: 1 });
		const fw = await progress.getFramework(db());
		const legalQuestion = fw.pillars.flatMap((p) => p.indicators.filter((i) => i.legal).flatMap((i) => i.questions.filter((q) => q.type === 'yes_partial_no').map((q) => ({ indicatorId: i.id, questionId: q.id }))))[0];
		expect(legalQuestion).toBeDefined();
		const measure = { country: 'KE', period: 2025, ...legalQuestion, answer: 'partial', citation: 'Cybercrimes Act 2015, s. 13', adoptedOn: '2015-05-25', url: 'https://example.org/tz-law', demo: false };
		member.publishScores([countryResult('KE', 2025, 81)], { sequence: 21, legal: { frameworkVersion: fw.version, measures: [measure] } });
		let r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'applied' });
		const ke = (await progress.legalMeasures(db(), { period: 2025, countries: ['KE'] })).filter((x) => x.questionId === legalQuestion.questionId);
		expect(ke).toEqual([{ ...measure, source: { name: 'East', url: member.origin, snapshotAt: expect.any(String), checkedAt: expect.any(String), unreachable: false } }]);
		// the public tracker names the source of what it shows
		const pub = await import('../progress-public');
		const tracker = await pub.legalTracker(db(), { locale: 'en', period: 2025, countries: ['KE', 'GH'] });
		expect(tracker.sources.map((x) => [x.code, x.source])).toEqual([['KE', 'East']]);
		// the member goes down: what is kept says how old it may be, on the tracker and the dashboards
		member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => {
			throw new TypeError('connect ECONNREFUSED');
		});
		await federation.pullNow(admin, memberId);
		member.override.clear();
		expect((await pub.legalTracker(db(), { locale: 'en', period: 2025, countries: ['KE'] })).sources[0]).toMatchObject({ unreachable: true, checked: expect.any(String) });
		const [keScore] = await progress.publishedCountryResults(db(), { country: 'KE', period: 2025 });
		expect(keScore.source).toMatchObject({ name: 'East', unreachable: true, checkedAt: expect.any(String) });

		// a measure with a script for a link, a country not trusted, a repeated measure: refused, the last good kept
		let next = 22;
		for (const bad of [{ ...measure, url: 'javascript:alert(1)' }, { ...measure, country: 'FR' }, { ...measure, citation: 'Act\u0000 2015' }]) {
			member.publishScores([countryResult('KE', 2025, 81)], { sequence: next++, legal: { frameworkVersion: fw.version, measures: [bad] } });
			r = await federation.pullNow(admin, memberId);
			expect(r[0].outcome).toBe('refused');
		}
		member.publishScores([countryResult('KE', 2025, 81)], { sequence: 26, legal: { frameworkVersion: fw.version, measures: [measure, measure] } });
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'refused', code: 'legal_invalid' });
		expect((await progress.legalMeasures(db(), { period: 2025, countries: ['KE'] })).filter((x) => x.source)).toHaveLength(1);
		// a member of an older version sends no legal.json: its measures are gone with the next snapshot
		member.publishScores([countryResult('KE', 2025, 81)], { sequence: 27 });
		r = await federation.pullNow(admin, memberId);
		expect(r[0]).toMatchObject({ outcome: 'applied' });
		expect((await progress.legalMeasures(db(), { period: 2025, countries: ['KE'] })).filter((x) => x.source)).toEqual([]);
	});

	it('takes public events with their source, filters them like the hub\'s own, and refuses bad ones', async () => {
		const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
		const event = (id: string, over: Record<string, unknown> = {}) =>
			federatedEvent(member.origin, id, {
				title: { en: `Workshop ${id.slice(0, 4)}`, fr: `Atelier ${id.slice(0, 4)}` },
				topics: ['get_help'],
				copAreas: ['capacity'],
				languages: ['sw'],
				start: `${at(10)}T09:00:00+03:00`,
				end: `${at(10)}T12:00:00+03:00`,
				seats: 30,
				seatsLeft: 12,
				...over
			});
		const a = '0a1b2c3d-0000-4000-8000-000000000001';
		const b = '0a1b2c3d-0000-4000-8000-000000000002';
		const past = '0a1b2c3d-0000-4000-8000-000000000003';
		const cancelled = '0a1b2c3d-0000-4000-8000-000000000004';
		const good = [
			event(a),
			event(b, { country: 'TZ', kind: 'webinar', mode: 'online', city: null, languages: ['en'], audiences: ['educators'], start: `${at(5)}T09:00:00Z`, end: `${at(5)}T10:00:00Z`, timeZone: 'UTC' }),
			event(past, { start: `${at(-20)}T09:00:00+03:00`, end: `${at(-20)}T12:00:00+03:00` }),
			event(cancelled, { status: 'cancelled' })
		];
		member.publish('events', { 'events.json': JSON.stringify({ events: good }) });
		let r = await federation.pullNow(admin, memberId);
		expect(r[2]).toMatchObject({ feed: 'events', outcome: 'applied', count: 4 });
		const ids = async (q: Parameters<typeof federation.federatedEvents>[0]) => (await federation.federatedEvents(q)).items.map((x) => x.event.id);
		// upcoming soonest first, cancelled ones left out, past ones most recent first
		expect(await ids({ when: 'upcoming' })).toEqual([b, a]);
		expect(await ids({ when: 'past' })).toEqual([past]);
		expect(await ids({ when: 'upcoming', country: 'KE' })).toEqual([a]);
		expect(await ids({ when: 'upcoming', region: 'africa' })).toEqual([b, a]);
		expect(await ids({ when: 'upcoming', region: 'europe' })).toEqual([]);
		expect(await ids({ when: 'upcoming', kind: 'webinar' })).toEqual([b]);
		expect(await ids({ when: 'upcoming', mode: 'in_person' })).toEqual([a]);
		expect(await ids({ when: 'upcoming', language: 'sw' })).toEqual([a]);
		expect(await ids({ when: 'upcoming', audience: 'educators' })).toEqual([b]);
		expect(await ids({ when: 'upcoming', topic: 'get_help' })).toEqual([b, a]);
		const first = await federation.federatedEvents({ when: 'upcoming' }, new Date(), 1);
		expect(first.more).toBe(true);
		expect(first.items[0].source).toMatchObject({ name: 'East', url: member.origin, unreachable: false, checkedAt: expect.any(String) });
		expect((await federation.overview(admin)).members.find((m) => m.id === memberId)!.events).toBe(4);
		// the hub's calendar feed: every shared event from 30 days ago on, cancelled ones too (calendars learn of it), soonest first
		const feed = await federation.federatedEventsForFeed();
		expect(feed.map((x) => x.event.id)).toEqual([past, b, a, cancelled]);
		expect(feed[0]).toMatchObject({ sourceName: 'East', snapshotAt: expect.any(String) });
		expect((await federation.federatedEventsForFeed(new Date(Date.now() + 40 * 86_400_000))).length).toBe(0);

		// refused, the last good list kept: a link off the member's origin, a country not trusted, an id twice, a script in a field
		const bad = [
			[event(a, { url: 'https://elsewhere.example/events/x' })],
			[event(a, { country: 'FR' })],
			[event(a), event(a)],
			[event(a, { kind: '<script>' })],
			[event(a, { end: `${at(1)}T00:00:00Z`, start: `${at(2)}T00:00:00Z` })],
			// control characters (a NUL cannot even be stored): refused, never an internal error
			[event(a, { venue: 'Hall\u0000' })],
			[event(a, { title: { en: 'Workshop\u0007' } })],
			// a year the database cannot store
			[event(a, { start: '0000-01-01T09:00:00Z', end: '0000-01-01T10:00:00Z' })]
		];
		for (const list of bad) {
			member.publish('events', { 'events.json': JSON.stringify({ events: list }) });
			r = await federation.pullNow(admin, memberId);
			expect(r[2], JSON.stringify(list[0]).slice(0, 120)).toMatchObject({ outcome: 'refused' });
			expect(r[2].code).not.toBe('internal');
		}
		expect(await ids({ when: 'upcoming' })).toEqual([b, a]);
		// once a member published its events, a missing feed is a failure, not "not published"
		member.override.set('/api/v1/federation/feeds/events/manifest.json', () => new Response('gone', { status: 404 }));
		r = await federation.pullNow(admin, memberId);
		expect(r[2]).toMatchObject({ outcome: 'failed', code: 'not_published' });
		member.override.clear();
		expect(await ids({ when: 'upcoming' })).toEqual([b, a]);
		// an empty list empties the hub's copy
		member.publish('events', { 'events.json': JSON.stringify({ events: [] }) });
		r = await federation.pullNow(admin, memberId);
		expect(r[2]).toMatchObject({ outcome: 'applied', count: 0 });
		expect(await ids({ when: 'upcoming' })).toEqual([]);
	});

	it('renders pages again when a member starts or stops failing, and when it is removed with its data', async () => {
		const cache = await import('../platform/cache');
		const version = () => cache.readVersion('progress');
		member.publishScores([countryResult('KE', 2025, 82)], { sequence: 40 });
		await federation.pullNow(admin, memberId);
		expect((await memberRow()).failures).toBe(0);
		let v = await version();
		// nothing new, the same day: nothing to render again
		await federation.pullNow(admin, memberId);
		expect(await version()).toBe(v);
		// the member goes down: the pages must now say so
		member.override.set('/api/v1/federation/feeds/progress/manifest.json', () => {
			throw new TypeError('connect ECONNREFUSED');
		});
		await federation.pullNow(admin, memberId);
		expect(await version()).toBeGreaterThan(v);
		v = await version();
		await federation.pullNow(admin, memberId); // still down: nothing changes on the pages
		expect(await version()).toBe(v);
		member.override.clear();
		await federation.pullNow(admin, memberId); // back: the warning goes
		expect(await version()).toBeGreaterThan(v);
		v = await version();
		await federation.removeMember(admin, memberId);
		expect(await version()).toBeGreaterThan(v);
		expect(await db().select().from(federationScores).where(eq(federationScores.memberId, memberId))).toEqual([]);
	});
});
