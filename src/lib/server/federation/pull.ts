// Hub side: pull one member. For each feed: the manifest (with If-None-Match), its proof by a key
// the member is known by (or a rotation endorsed by one), a sequence newer than the last accepted,
// every file by name on the member's own origin with its sha256, every file parsed strictly, every
// country one the member is trusted for and not managed on the hub. Only then is the snapshot
// applied, replacing the member's previous one in one transaction. Any fault keeps the last good
// snapshot, is logged in federation_pulls and shown on /admin/federation, and the next pull backs off.
import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db, Tx } from '../db';
import { regionOf } from '../../geo';
import * as directory from '../directory';
import * as progress from '../progress';
import * as cache from '../platform/cache';
import { log } from '../platform/log';
import { hasControlCharacters } from '../platform/validate';
import { checkEndorsement, fingerprint, proofKeyId, sha256Hex, verifyDocument } from './crypto';
import { EventsFile, InstanceKeys, LegalFile, LIMITS, Manifest, ScoresFile } from './input';
import { Fault, guardedGet } from './net';
import { isFeedFileList } from './publish';
import { federationEvents, federationLegalMeasures, federationMembers, federationPulls, federationScores, federationServices } from './schema';
import { FEEDS, type Feed } from './settings';

export type Member = typeof federationMembers.$inferSelect;

function parseJson(body: Buffer, what: string): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		throw new Fault('not_json', what);
	}
}

/**
 * Finds the key a manifest names among the member's known keys; else reads the member's instance
 * document and accepts the key if it is the fingerprint agreed out of band, or if a chain of
 * endorsements (each new key signed by the one before) leads from it back to a key already trusted.
 */
async function keyFor(member: Member, keyId: string): Promise<{ raw: Buffer; learned: Member['keys'] }> {
	const known = member.keys.find((k) => k.fingerprint === keyId);
	if (known) return { raw: Buffer.from(known.publicKey, 'base64'), learned: [] };
	const doc = await guardedGet(member.origin, '/.well-known/cop-instance', { maxBytes: LIMITS.instanceBytes });
	const parsed = v.safeParse(InstanceKeys, parseJson(doc.body, 'cop-instance'));
	if (!parsed.success) throw new Fault('instance_invalid');
	// a key is only what its bytes are: the fingerprint it claims must be the hash of its public key
	const all = [parsed.output.keys.current, ...parsed.output.keys.previous].filter((k) => fingerprint(Buffer.from(k.publicKey, 'base64')) === k.fingerprint);
	const trusted = (fp: string) => fp === member.fingerprint || member.keys.some((k) => k.fingerprint === fp);
	const chain: typeof all = [];
	let at = all.find((k) => k.fingerprint === keyId);
	for (let i = 0; at && i < 20; i++) {
		chain.push(at);
		if (trusted(at.fingerprint)) {
			return { raw: Buffer.from(chain[0].publicKey, 'base64'), learned: chain.map((k) => ({ fingerprint: k.fingerprint, publicKey: k.publicKey })) };
		}
		const prevFp = at.endorsedBy;
		const previous = prevFp ? all.find((k) => k.fingerprint === prevFp) : undefined;
		if (!previous || !at.endorsement || !checkEndorsement(at.fingerprint, at.endorsement, Buffer.from(previous.publicKey, 'base64'))) break;
		at = previous;
	}
	throw new Fault('unknown_key', keyId.slice(0, 80));
}

interface Verified {
	manifest: Manifest;
	/** one file of the snapshot, fetched when asked for and checked against its sha256 */
	file: (name: string) => Promise<Buffer>;
	etag: string | null;
	learned: Member['keys'];
}

/** Fetches and verifies one feed; null when it did not change. Throws Fault. */
export async function fetchFeed(member: Member, feed: Feed): Promise<Verified | null> {
	const state = member.feeds[feed];
	const res = await guardedGet(member.origin, `/api/v1/federation/feeds/${feed}/manifest.json`, { maxBytes: LIMITS.manifestBytes, etag: state?.etag }).catch((e) => {
		// 404, or 400 from a member of an earlier version that does not know the feed's name
		if (e instanceof Fault && e.code === 'http_status' && (e.status === 404 || e.status === 400)) throw new Fault('not_published', e.detail, 'failed', e.status);
		throw e;
	});
	if (res.status === 304) return null;
	const raw = parseJson(res.body, 'manifest');
	const parsed = v.safeParse(Manifest, raw);
	if (!parsed.success) throw new Fault('manifest_invalid', parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '');
	const manifest = parsed.output;
	if (manifest.feed !== feed) throw new Fault('manifest_invalid', 'feed');
	if (manifest.instance.replace(/\/+$/, '') !== member.origin) throw new Fault('instance_mismatch', manifest.instance.slice(0, 100));
	const keyId = proofKeyId(raw);
	if (!keyId) throw new Fault('no_proof');
	const { raw: key, learned } = await keyFor(member, keyId);
	const check = verifyDocument(raw, key);
	if (check !== 'ok') throw new Fault(check === 'bad_signature' ? 'bad_signature' : 'proof_invalid', check);
	if (state && manifest.sequence < state.sequence) throw new Fault('replay', `sequence ${manifest.sequence} after ${state.sequence}`);
	if (state && manifest.sequence === state.sequence) return null;
	const names = manifest.files.map((f) => f.name);
	if (new Set(names).size !== names.length || !isFeedFileList(feed, names)) throw new Fault('files_unexpected', names.join(',').slice(0, 100));
	for (const c of manifest.countries) if (!member.countries.includes(c)) throw new Fault('country_not_trusted', c);
	for (const f of manifest.files) if (f.bytes > LIMITS.fileBytes()) throw new Fault('too_large', f.name);
	// files are fetched one at a time as the snapshot is applied: a paged services feed of 100,000
	// records never sits in memory whole
	const file = async (name: string) => {
		const f = manifest.files.find((x) => x.name === name);
		if (!f) throw new Fault('files_unexpected', name);
		const got = await guardedGet(member.origin, `/api/v1/federation/feeds/${feed}/${manifest.sequence}/${f.name}`, { maxBytes: Math.min(f.bytes, LIMITS.fileBytes()) });
		if (sha256Hex(got.body) !== f.sha256) throw new Fault('hash_mismatch', f.name);
		return got.body;
	};
	return { manifest, file, etag: res.etag, learned };
}

/**
 * SDMX-CSV column rules: the header we write (or the one before SOURCE_INSTANCE, from a member not
 * yet updated), as many fields in every row, only trusted countries.
 */
function checkSdmx(text: string, trusted: Set<string>): void {
	const lines = text.split('\r\n').filter((l) => l.length);
	const header = [progress.opendata.SDMX_HEADER, progress.opendata.SDMX_HEADER_V1].find((h) => lines[0] === h.join(','));
	if (!header) throw new Fault('sdmx_invalid', 'header');
	for (let i = 1; i < lines.length; i++) {
		const cells = lines[i].split(',');
		if (cells.length !== header.length || cells[0] !== 'dataflow' || cells[1] !== progress.opendata.STRUCTURE_ID) throw new Fault('sdmx_invalid', `row ${i}`);
		if (!trusted.has(cells[4])) throw new Fault('country_not_trusted', cells[4].slice(0, 10));
		if (!/^\d{4}$/.test(cells[6]) || !Number.isFinite(Number(cells[7]))) throw new Fault('sdmx_invalid', `row ${i}`);
	}
}

/** Countries with local (non-demo) published scores on this hub: a country is local or federated, never both. */
async function localCountries(d: Db | Tx, countries: string[]): Promise<Set<string>> {
	if (!countries.length) return new Set();
	const rows = await d.execute<{ country: string }>(sql`select distinct country from progress_scores where is_demo = false and country in (${sql.join(countries.map((c) => sql`${c}`), sql`, `)})`);
	return new Set(((rows as unknown as { rows: { country: string }[] }).rows ?? []).map((r) => r.country));
}

/** Countries another member already provides. */
async function otherMembersCountries(d: Db | Tx, memberId: string): Promise<Set<string>> {
	const rows = await d.select({ countries: federationMembers.countries }).from(federationMembers).where(and(sql`${federationMembers.id} <> ${memberId}`, eq(federationMembers.active, true)));
	return new Set(rows.flatMap((r) => r.countries));
}

/** Checks and writes a verified snapshot; the member's previous rows for the feed are replaced. */
async function apply(d: Db | Tx, member: Member, feed: Feed, got: Verified, now: Date): Promise<number> {
	// anonymous pages showing federated figures or services are rendered again (platform/page-cache.ts)
	await cache.invalidate(d, feed === 'progress' ? 'progress' : feed === 'services' ? 'directory' : 'events');
	const trusted = new Set(member.countries);
	const snapshotAt = new Date(got.manifest.created);
	const base = { memberId: member.id, sequence: got.manifest.sequence, snapshotAt, pulledAt: now };
	if (feed === 'progress') {
		const parsed = v.safeParse(ScoresFile, parseJson(await got.file('scores.json'), 'scores.json'));
		if (!parsed.success) throw new Fault('scores_invalid', parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '');
		checkSdmx((await got.file('observations.csv')).toString('utf8'), trusted);
		const results = parsed.output.results;
		// the legal tracker's measures, from a member that sends them
		let legal: LegalFile = { frameworkVersion: null, measures: [] };
		if (got.manifest.files.some((f) => f.name === 'legal.json')) {
			const read = v.safeParse(LegalFile, parseJson(await got.file('legal.json'), 'legal.json'));
			if (!read.success) throw new Fault('legal_invalid', read.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '');
			legal = read.output;
			if (legal.measures.length && legal.frameworkVersion === null) throw new Fault('legal_invalid', 'frameworkVersion');
			const keys = new Set(legal.measures.map((x) => `${x.country}:${x.period}:${x.questionId}`));
			if (keys.size !== legal.measures.length) throw new Fault('legal_invalid', 'duplicate measure');
		}
		const countries = [...new Set([...results.map((r) => r.country), ...legal.measures.map((x) => x.country)])];
		for (const c of countries) if (!trusted.has(c)) throw new Fault('country_not_trusted', c);
		const local = await localCountries(d, countries);
		if (local.size) throw new Fault('country_local', [...local].join(','));
		const seen = new Set<string>();
		for (const r of results) {
			const k = `${r.country}:${r.period}:${r.frameworkVersion}`;
			if (seen.has(k)) throw new Fault('scores_invalid', `duplicate ${k}`);
			seen.add(k);
		}
		await d.delete(federationScores).where(eq(federationScores.memberId, member.id));
		for (let i = 0; i < results.length; i += 500) {
			await d.insert(federationScores).values(
				results.slice(i, i + 500).map((r) => ({
					...base,
					country: r.country,
					region: regionOf(r.country) ?? '',
					period: r.period,
					frameworkVersion: r.frameworkVersion,
					overall: r.overall,
					tier: r.tier,
					pillars: r.pillars,
					indicators: r.indicators,
					isDemo: r.demo
				}))
			);
		}
		await d.delete(federationLegalMeasures).where(eq(federationLegalMeasures.memberId, member.id));
		for (let i = 0; i < legal.measures.length; i += 1000) {
			await d.insert(federationLegalMeasures).values(
				legal.measures.slice(i, i + 1000).map((x) => ({
					...base,
					country: x.country,
					period: x.period,
					frameworkVersion: legal.frameworkVersion!,
					indicatorId: x.indicatorId,
					questionId: x.questionId,
					answer: x.answer,
					citation: x.citation,
					adoptedOn: x.adoptedOn,
					url: x.url,
					isDemo: x.demo
				}))
			);
		}
		return results.length;
	}
	if (feed === 'events') return applyEvents(d, member, got, base);
	// the member's previous services go first; each page is checked whole before its rows are
	// written, and any fault rolls the whole snapshot back (the caller's transaction)
	await d.delete(federationServices).where(eq(federationServices.memberId, member.id));
	const ids = new Set<string>();
	let total = 0;
	for (const name of got.manifest.files.map((f) => f.name).sort()) {
		const list = parseJson(await got.file(name), name);
		if (!Array.isArray(list) || total + list.length > LIMITS.servicesMax) throw new Fault('services_invalid', `${name}: not a list, or too many services`);
		const rows: (typeof federationServices.$inferInsert)[] = [];
		for (let i = 0; i < list.length; i++) {
			const rec = list[i] as Record<string, unknown>;
			const where = `${name} record ${i}`;
			// the record is kept as sent: nothing in it may be unstorable
			if (hasControlCharacters(rec)) throw new Fault('services_invalid', `${where}: control characters`);
			const { raw, errors } = directory.hsds.fromHsdsService(rec);
			if (errors.length) throw new Fault('services_invalid', `${where}: ${errors[0].field} ${errors[0].code}`.slice(0, 200));
			const id = typeof rec.id === 'string' && rec.id.length <= 64 ? rec.id : '';
			if (!id || ids.has(id)) throw new Fault('services_invalid', `${where}: id`);
			ids.add(id);
			const countries = Array.isArray((raw as { countries?: unknown }).countries) ? (raw as { countries: string[] }).countries : [];
			if (!countries.length || countries.some((c) => !trusted.has(c))) throw new Fault('country_not_trusted', where);
			rows.push({ ...base, id, name: typeof rec.name === 'string' ? rec.name.slice(0, 500) : id, countries, record: rec });
		}
		for (let i = 0; i < rows.length; i += 500) await d.insert(federationServices).values(rows.slice(i, i + 500));
		total += rows.length;
	}
	return total;
}

/**
 * The events feed: each event checked whole (schema, a country the member is trusted for, a page on
 * the member's own origin, no id twice), then the member's previous events replaced. Events are not
 * a country's "one source of truth" data: the hub's own events in the same country stay beside them.
 */
async function applyEvents(d: Db | Tx, member: Member, got: Verified, base: { memberId: string; sequence: number; snapshotAt: Date; pulledAt: Date }): Promise<number> {
	const read = v.safeParse(EventsFile, parseJson(await got.file('events.json'), 'events.json'));
	if (!read.success) throw new Fault('events_invalid', read.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '');
	const ids = new Set<string>();
	const rows: (typeof federationEvents.$inferInsert)[] = [];
	for (const [i, e] of read.output.events.entries()) {
		if (ids.has(e.id)) throw new Fault('events_invalid', `events.${i}.id: twice`);
		ids.add(e.id);
		if (!member.countries.includes(e.country)) throw new Fault('country_not_trusted', `events.${i}: ${e.country}`);
		// the hub links to it: only a page on the member itself
		if (!e.url.startsWith(`${member.origin}/`)) throw new Fault('events_invalid', `events.${i}.url: not on the member's origin`);
		rows.push({
			...base,
			id: e.id,
			country: e.country,
			region: regionOf(e.country) ?? '',
			status: e.status,
			kind: e.kind,
			mode: e.mode,
			audiences: e.audiences,
			languages: e.languages,
			topics: e.topics,
			startsAt: new Date(e.start),
			endsAt: new Date(e.end),
			isDemo: e.demo,
			record: e as unknown as Record<string, unknown>
		});
	}
	await d.delete(federationEvents).where(eq(federationEvents.memberId, member.id));
	for (let i = 0; i < rows.length; i += 500) await d.insert(federationEvents).values(rows.slice(i, i + 500));
	return rows.length;
}

const PULL_MINUTES = () => Number(process.env.FEDERATION_PULL_MINUTES ?? 60);

/** The wait before the next pull: the schedule after a success, doubling from one minute after failures (at most the schedule). */
export function nextDelayMs(failures: number): number {
	const schedule = PULL_MINUTES() * 60_000;
	if (failures <= 0) return schedule;
	return Math.min(schedule, 60_000 * 2 ** Math.min(failures - 1, 20));
}

export interface PullReport {
	feed: Feed;
	outcome: 'applied' | 'unchanged' | 'refused' | 'failed';
	code?: string;
	sequence?: number;
	count?: number;
}

/** Pulls every feed of one member now, records each outcome, and says when to pull next. */
export async function pullMember(handle: Db | Tx, memberId: string, now = new Date()): Promise<PullReport[]> {
	const [member] = await handle.select().from(federationMembers).where(eq(federationMembers.id, memberId));
	if (!member || !member.active) return [];
	const reports: PullReport[] = [];
	let current = member;
	for (const feed of FEEDS) {
		const t0 = performance.now();
		try {
			const got = await fetchFeed(current, feed);
			if (!got) {
				reports.push({ feed, outcome: 'unchanged' });
				await handle.insert(federationPulls).values({ memberId, feed, at: now, outcome: 'unchanged', ms: Math.round(performance.now() - t0) });
				continue;
			}
			const write = async (w: Db | Tx) => {
				// one writer per member: a scheduled pull and a "pull now" at once apply a sequence once
				const [fresh] = await w.select({ feeds: federationMembers.feeds }).from(federationMembers).where(eq(federationMembers.id, member.id)).for('update');
				if ((fresh?.feeds[feed]?.sequence ?? 0) >= got.manifest.sequence) return -1;
				const others = await otherMembersCountries(w, member.id);
				const overlap = got.manifest.countries.filter((c) => others.has(c));
				if (overlap.length) throw new Fault('country_other_member', overlap.join(','));
				const count = await apply(w, current, feed, got, now);
				const keys = [...current.keys, ...got.learned.filter((k) => !current.keys.some((x) => x.fingerprint === k.fingerprint))];
				const feeds = { ...current.feeds, [feed]: { sequence: got.manifest.sequence, etag: got.etag, created: got.manifest.created } };
				await w.update(federationMembers).set({ feeds, keys, name: current.name || got.manifest.name || '' }).where(eq(federationMembers.id, member.id));
				await w.insert(federationPulls).values({ memberId, feed, at: now, outcome: 'applied', sequence: got.manifest.sequence, detail: `${count}`, ms: Math.round(performance.now() - t0) });
				current = { ...current, feeds, keys };
				return count;
			};
			// a savepoint: a refused snapshot leaves nothing half-written, and the log entry below stays
			const count = await (handle as Db).transaction(write);
			reports.push(count < 0 ? { feed, outcome: 'unchanged' } : { feed, outcome: 'applied', sequence: got.manifest.sequence, count });
		} catch (e) {
			// a member of an earlier version does not have this feed yet (404, or 400 for a feed name it
			// does not know): nothing to take, and not a failure, as long as it never published the feed
			if (e instanceof Fault && e.code === 'not_published' && !current.feeds[feed]) {
				reports.push({ feed, outcome: 'unchanged', code: 'not_published' });
				await handle.insert(federationPulls).values({ memberId, feed, at: now, outcome: 'unchanged', code: 'not_published', ms: Math.round(performance.now() - t0) });
				continue;
			}
			const fault = e instanceof Fault ? e : new Fault('internal', String((e as Error)?.message ?? e).slice(0, 200), 'failed');
			if (!(e instanceof Fault)) log.error('federation.pull_failed', { member: memberId, feed, error: fault.detail });
			reports.push({ feed, outcome: fault.kind, code: fault.code });
			await handle.insert(federationPulls).values({ memberId, feed, at: now, outcome: fault.kind, code: fault.code, detail: fault.detail.slice(0, 500), ms: Math.round(performance.now() - t0) });
		}
	}
	const failed = reports.filter((r) => r.outcome === 'refused' || r.outcome === 'failed');
	const failures = failed.length ? member.failures + 1 : 0;
	// pages showing the member's data say when it was last checked and whether it could be reached:
	// render them again when either changes (the day of the last good pull, failing or not)
	const lastGood = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';
	if (failures > 0 !== member.failures > 0 || (!failed.length && lastGood(now) !== lastGood(member.lastSuccessAt))) await cache.invalidate(handle, 'progress', 'directory', 'events');
	await handle
		.update(federationMembers)
		.set({
			lastAttemptAt: now,
			lastSuccessAt: failed.length ? member.lastSuccessAt : now,
			failures,
			lastError: failed.length ? failed.map((r) => `${r.feed}: ${r.code}`).join('; ') : null,
			nextPullAt: new Date(now.getTime() + nextDelayMs(failures))
		})
		.where(eq(federationMembers.id, memberId));
	return reports;
}

