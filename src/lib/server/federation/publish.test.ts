// The publisher side: the key generated once and sealed, rotation with endorsement, the instance
// document, snapshots signed and hashed, a new sequence only when the content changed.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import { seedPublishedAssessment } from '../test/progress';
import * as federation from '.';
import { checkEndorsement, fingerprint, sha256Hex, verifyDocument, proofKeyId, normaliseFingerprint, signDocument } from './crypto';
import { currentKey, listKeys } from './keys';
import { federationKeys } from './schema';
import { isPrivateAddress, parseOrigin } from './net';

useFreshDatabase();

describe('federation: signing', () => {
	it('signs and verifies a document, and refuses any change to it', async () => {
		const k = await currentKey(db());
		const doc = signDocument({ a: 1, b: ['x'] }, k.privateKey, `https://x.example/.well-known/cop-instance#${k.fingerprint}`);
		expect(verifyDocument(doc, k.publicKeyRaw)).toBe('ok');
		expect(proofKeyId(doc)).toBe(k.fingerprint);
		expect(verifyDocument({ ...doc, a: 2 }, k.publicKeyRaw)).toBe('bad_signature');
		expect(verifyDocument({ a: 1 }, k.publicKeyRaw)).toBe('no_proof');
		expect(verifyDocument('x', k.publicKeyRaw)).toBe('malformed');
		expect(verifyDocument({ ...doc, proof: { ...(doc.proof as object), proofValue: 'z111' } }, k.publicKeyRaw)).toBe('bad_signature');
	});

	it('generates the key once and keeps the private part sealed', async () => {
		const a = await currentKey(db());
		const b = await currentKey(db());
		expect(a.fingerprint).toBe(b.fingerprint);
		expect(a.fingerprint).toBe(fingerprint(a.publicKeyRaw));
		const rows = await db().select().from(federationKeys);
		expect(rows).toHaveLength(1);
		expect(rows[0].privateKey.startsWith('sealed:v1:')).toBe(true);
	});

	it('reads fingerprints as people type them', () => {
		const hex = 'ab'.repeat(32);
		expect(normaliseFingerprint(`SHA256:${hex.toUpperCase()}`)).toBe(`sha256:${hex}`);
		expect(normaliseFingerprint(hex.match(/../g)!.join(':'))).toBe(`sha256:${hex}`);
		expect(normaliseFingerprint('sha256:abc')).toBeNull();
	});

	it('guards addresses: no private ranges, no paths or credentials in an origin', () => {
		for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:127.0.0.1', '172.16.0.5', 'not-an-ip']) expect(isPrivateAddress(a), a).toBe(true);
		for (const a of ['8.8.8.8', '2001:4860:4860::8888', '1.1.1.1']) expect(isPrivateAddress(a), a).toBe(false);
		expect(parseOrigin('https://cop.example.gov')).toBe('https://cop.example.gov');
		expect(parseOrigin('https://cop.example.gov/x')).toBeNull();
		expect(parseOrigin('https://u:p@cop.example.gov')).toBeNull();
		expect(parseOrigin('http://cop.example.gov')).toBeNull();
		expect(parseOrigin('javascript:alert(1)')).toBeNull();
	});
});

describe('federation: publishing', () => {
	it('publishes validated scores of its own countries in a signed snapshot; unchanged content keeps its sequence', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1 });
		await seedPublishedAssessment(db(), { country: 'GH', period: 2025, level: 0.5 });
		await federation.saveSettings(admin, { name: 'Kenya COP', countries: 'ke', role: 'both' });
		const s1 = await federation.ensureSnapshot(db(), 'progress', new Date(), true);
		const k = await currentKey(db());
		expect(verifyDocument(s1.manifest, k.publicKeyRaw)).toBe('ok');
		const m = s1.manifest as { sequence: number; countries: string[]; files: { name: string; sha256: string }[] };
		expect(m.countries).toEqual(['KE']);
		const file = async (name: string) => (await federation.snapshotFile(db(), 'progress', s1.sequence, name))!.body;
		for (const f of m.files) expect(sha256Hex(await file(f.name))).toBe(f.sha256);
		const scores = JSON.parse(await file('scores.json'));
		expect(scores.results.map((r: { country: string }) => r.country)).toEqual(['KE']);
		expect(await file('observations.csv')).toContain(',KE,OVERALL,2025,');
		expect(await file('observations.csv')).not.toContain(',GH,');
		// the legal tracker's measures travel too, for its own countries only
		const legal = JSON.parse(await file('legal.json')) as { frameworkVersion: number; measures: { country: string; questionId: string }[] };
		expect(legal.frameworkVersion).toBe(scores.frameworkVersion);
		expect(legal.measures.length).toBeGreaterThan(0);
		expect(new Set(legal.measures.map((x) => x.country))).toEqual(new Set(['KE']));
		const s2 = await federation.ensureSnapshot(db(), 'progress', new Date(), true);
		expect(s2.sequence).toBe(s1.sequence);
		await federation.saveSettings(admin, { name: 'Kenya COP', countries: 'KE, GH', role: 'both' });
		const s3 = await federation.ensureSnapshot(db(), 'progress', new Date(), true);
		expect(s3.sequence).toBe(s1.sequence + 1);
	});

	it('pages the services feed, keeps only the last two snapshots, and knows which file lists a hub may take', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await federation.saveSettings(admin, { name: 'Kenya COP', countries: 'KE, GH', role: 'both' });
		const services = await import('../directory');
		const { serviceInput } = await import('../test/directory');
		const moderator = await makeUser({ grants: [grant('directory_moderator')] });
		const count = federation.SERVICES_PER_FILE + 3;
		await db().transaction(async (tx) => {
			for (let i = 0; i < count; i++) await services.insertServiceAsSystem(tx, serviceInput({ name: { en: `Paged Line ${i}` } }), { isDemo: false });
		});
		// only verified services are published: verify them all in one statement (a test shortcut)
		await db().execute(sql`update directory_services set verified_at = now(), verified_by = ${moderator.id}`);
		const first = await federation.ensureSnapshot(db(), 'services', new Date(), true);
		const files = (first.manifest as { files: { name: string; sha256: string }[] }).files;
		expect(files.map((f) => f.name)).toEqual(['services-0001.json', 'services-0002.json']);
		const pages = await Promise.all(files.map(async (f) => JSON.parse((await federation.snapshotFile(db(), 'services', first.sequence, f.name))!.body) as unknown[]));
		expect(pages.map((p) => p.length)).toEqual([federation.SERVICES_PER_FILE, 3]);
		// two more changes: the first snapshot and its files are gone, the last two kept
		for (const n of [1, 2]) {
			await services.insertServiceAsSystem(db(), serviceInput({ name: { en: `Late Line ${n}` } }), { isDemo: false });
			await db().execute(sql`update directory_services set verified_at = now(), verified_by = ${moderator.id} where verified_at is null`);
			await federation.ensureSnapshot(db(), 'services', new Date(), true);
		}
		expect(await federation.snapshotAt(db(), 'services', first.sequence)).toBeUndefined();
		expect(await federation.snapshotFile(db(), 'services', first.sequence, 'services-0001.json')).toBeUndefined();
		expect(await federation.snapshotAt(db(), 'services', first.sequence + 1)).toBeDefined();
		expect(await federation.snapshotFile(db(), 'services', first.sequence + 2, 'services-0002.json')).toBeDefined();

		expect(federation.isFeedFileList('services', ['services-0002.json', 'services-0001.json'])).toBe(true);
		expect(federation.isFeedFileList('services', ['services.json'])).toBe(true);
		expect(federation.isFeedFileList('services', ['services-0001.json', 'services-0003.json'])).toBe(false);
		expect(federation.isFeedFileList('services', ['services-0001.json', 'services.json'])).toBe(false);
		expect(federation.isFeedFileList('services', [])).toBe(false);
		expect(federation.isFeedFileList('progress', ['scores.json', 'observations.csv'])).toBe(true);
		expect(federation.isFeedFileList('progress', ['scores.json'])).toBe(false);
		expect(federation.isFeedFileList('events', ['events.json'])).toBe(true);
		expect(federation.isFeedFileList('events', ['events.json', 'services.json'])).toBe(false);
	});

	it('publishes the public events of its countries, as the hub reads them, without online links or registrations', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await federation.saveSettings(admin, { name: 'Kenya COP', countries: 'KE, GH', role: 'both' });
		const events = await import('../events');
		const { makePublishedEvent, registerConfirmed, eventInput } = await import('../events/testing');
		const organiser = await makeUser({ grants: [grant('organiser')] });
		const inPerson = await makePublishedEvent(organiser, { title: { en: 'Federated training', ar: 'تدريب' } });
		const online = await makePublishedEvent(organiser, { mode: 'online', venue: '', city: '', onlineUrl: 'https://meet.example.org/secret-room' });
		const elsewhere = await makePublishedEvent(organiser, { country: 'TZ', timeZone: 'Africa/Dar_es_Salaam' });
		const draft = await events.createEvent(organiser, eventInput());
		const reg = await registerConfirmed(inPerson, { name: 'Registered Person', email: 'registered.person@example.org' });
		expect(reg.status).toBe('confirmed');
		const snap = await federation.ensureSnapshot(db(), 'events', new Date(), true);
		const m = snap.manifest as { files: { name: string }[]; countries: string[] };
		expect(m.files.map((f) => f.name)).toEqual(['events.json']);
		const body = (await federation.snapshotFile(db(), 'events', snap.sequence, 'events.json'))!.body;
		const file = JSON.parse(body) as { events: { id: string; seatsLeft: number; title: Record<string, string>; url: string }[] };
		const ids = file.events.map((e) => e.id);
		expect(ids).toContain(inPerson);
		expect(ids).toContain(online);
		expect(ids).not.toContain(elsewhere);
		expect(ids).not.toContain(draft);
		expect(file.events.find((e) => e.id === inPerson)).toMatchObject({ seatsLeft: 39, title: { en: 'Federated training', ar: 'تدريب' }, url: expect.stringMatching(new RegExp(`/events/${inPerson}$`)) });
		// nothing private: no online link, no registrant, no safeguarding contact
		for (const secret of ['secret-room', 'Registered Person', 'registered.person', 'onlineUrl', 'safeguarding']) expect(body).not.toContain(secret);
		// what is published is what a hub accepts
		const v = await import('valibot');
		const { EventsFile } = await import('./input');
		expect(v.safeParse(EventsFile, file).success).toBe(true);
	});

	it('rotates the key: the new one is endorsed by the old, both listed, old snapshots still verify', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const old = await currentKey(db());
		const snap = await federation.latestSnapshot(db(), 'progress');
		await expect(federation.rotateKey(await makeUser())).rejects.toMatchObject({ status: 403 });
		const r = await federation.rotateKey(admin);
		expect(r.previous).toBe(old.fingerprint);
		const keys = await listKeys(db());
		expect(keys.map((k) => k.fingerprint)).toEqual([r.current, r.previous]);
		expect(keys[1].validUntil).not.toBeNull();
		expect(checkEndorsement(r.current, keys[0].endorsement!, old.publicKeyRaw)).toBe(true);
		expect(verifyDocument(snap!.manifest, Buffer.from(keys[1].publicKey, 'base64'))).toBe('ok');
		const doc = await federation.instanceDocument(db());
		expect(doc.keys.current!.fingerprint).toBe(r.current);
		expect(doc.keys.previous.map((k) => k.fingerprint)).toEqual([r.previous]);
		expect(doc.countries).toEqual(['GH', 'KE']);
		expect(doc.feeds.map((f) => f.feed)).toEqual(['progress', 'services', 'events']);
	});
});
