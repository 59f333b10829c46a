// Federation commands: each asks the policy first, and changes and audits in one transaction.
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { audit, type Actor } from '../identity';
import * as cache from '../platform/cache';
import * as jobs from '../platform/jobs';
import { parse } from '../platform/validate';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import { isUuid } from '../../uuid';
import { normaliseFingerprint } from './crypto';
import { MemberInput, SettingsInput } from './input';
import { rotate } from './keys';
import { parseOrigin } from './net';
import { assertCan } from './policy';
import { forgetBuilt } from './publish';
import { pullMember, type PullReport } from './pull';
import { federationMembers } from './schema';
import { writeSettings } from './settings';

export const PULL_JOB = 'federation.pull';

/** Schedules the next pull of a member (one pending job per member and time). */
export async function schedulePull(tx: Db | Tx, memberId: string, at: Date): Promise<void> {
	await jobs.schedule(tx, { kind: PULL_JOB, key: `${PULL_JOB}:${memberId}:${at.toISOString()}`, runAt: at, payload: { memberId } });
}

export async function saveSettings(actor: Actor | null, input: unknown): Promise<void> {
	assertCan(actor, 'federation.settings');
	const s = parse(SettingsInput, input);
	await db().transaction(async (tx) => {
		await writeSettings(tx, s);
		await audit.record(tx, actor, { action: 'federation.settings', entityType: 'federation', entityId: 'settings', after: s });
	});
	forgetBuilt();
}

export async function rotateKey(actor: Actor | null): Promise<{ previous: string; current: string }> {
	assertCan(actor, 'federation.rotate');
	const out = await db().transaction(async (tx) => {
		const r = await rotate(tx);
		await audit.record(tx, actor, { action: 'federation.key_rotate', entityType: 'federation_key', entityId: r.current, before: { fingerprint: r.previous } });
		return r;
	});
	forgetBuilt();
	return out;
}

export async function registerMember(actor: Actor | null, input: unknown, now = new Date()): Promise<string> {
	assertCan(actor, 'federation.members');
	const m = parse(MemberInput, input);
	const origin = parseOrigin(m.origin);
	if (!origin) throw new ValidationError({ origin: 'federation_origin_invalid' });
	const fp = normaliseFingerprint(m.fingerprint);
	if (!fp) throw new ValidationError({ fingerprint: 'federation_fingerprint_invalid' });
	return db().transaction(async (tx) => {
		const existing = await tx.select({ id: federationMembers.id, countries: federationMembers.countries, origin: federationMembers.origin }).from(federationMembers);
		if (existing.some((e) => e.origin === origin)) throw new Conflict('federation_member_exists', { origin: 'federation_member_exists' });
		const taken = m.countries.filter((c) => existing.some((e) => e.countries.includes(c)));
		if (taken.length) throw new Conflict('federation_country_taken', { countries: 'federation_country_taken' });
		const [row] = await tx.insert(federationMembers).values({ origin, name: m.name, fingerprint: fp, keys: [], countries: m.countries, nextPullAt: now }).returning({ id: federationMembers.id });
		// the agreed fingerprint is all the hub knows until the first pull fetches the key itself
		await audit.record(tx, actor, { action: 'federation.member_register', entityType: 'federation_member', entityId: row.id, after: { origin, fingerprint: fp, countries: m.countries } });
		await schedulePull(tx, row.id, now);
		return row.id;
	});
}

export async function removeMember(actor: Actor | null, id: string): Promise<void> {
	assertCan(actor, 'federation.members');
	if (!isUuid(id)) throw new NotFound('federation_member_not_found');
	await db().transaction(async (tx) => {
		const [row] = await tx.delete(federationMembers).where(eq(federationMembers.id, id)).returning();
		if (!row) throw new NotFound('federation_member_not_found');
		await jobs.unschedule(tx, `${PULL_JOB}:${id}:`);
		// its scores, measures, services and events went with it (cascade): pages show them no more
		await cache.invalidate(tx, 'progress', 'directory', 'events');
		await audit.record(tx, actor, { action: 'federation.member_remove', entityType: 'federation_member', entityId: id, before: { origin: row.origin, countries: row.countries } });
	});
}

/** Pulls a member now, outside the schedule. */
export async function pullNow(actor: Actor | null, id: string, now = new Date()): Promise<PullReport[]> {
	assertCan(actor, 'federation.members');
	if (!isUuid(id)) throw new NotFound('federation_member_not_found');
	const [row] = await db().select({ id: federationMembers.id }).from(federationMembers).where(eq(federationMembers.id, id));
	if (!row) throw new NotFound('federation_member_not_found');
	const reports = await pullMember(db(), id, now);
	await db().transaction((tx) => audit.record(tx, actor, { action: 'federation.pull_now', entityType: 'federation_member', entityId: id, after: reports }));
	return reports;
}
