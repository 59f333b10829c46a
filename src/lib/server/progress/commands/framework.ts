// Framework version use cases for admins: import a draft, publish, retire, recompute scores.
import { and, eq } from 'drizzle-orm';
import { db } from '../../db';
import { assertHolds, audit, type Actor } from '../../identity';
import { Conflict, NotFound, ValidationError } from '../../platform/errors';
import { type Framework } from '../../../progress/model';
import { findFramework, markPublished, markRetired, parseFramework, storeDraft, VersionTakenError } from '../framework';
import { can } from '../policy';
import { frameworkVersions } from '../schema';
import { refreshAllScores } from '../scores';

/** A framework file that fails validation; `problems` say where and why, for the admin page. */
export class FrameworkInvalid extends ValidationError {
	constructor(readonly problems: string[]) {
		super({ framework: 'progress_framework_invalid' }, 'progress_framework_invalid');
	}
}

/** An admin imports a framework (from content/ or an uploaded file) as a draft version; bad files are refused with reasons. */
export async function importFramework(actor: Actor | null, json: string, source: string): Promise<{ version: number; result: 'created' | 'replaced' }> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	let fw: Framework;
	try {
		fw = parseFramework(json, source);
	} catch (e) {
		const problems = (e as { problems?: { reason: string }[] }).problems?.map((p) => p.reason) ?? [(e as Error).message];
		throw new FrameworkInvalid(problems);
	}
	return db().transaction(async (tx) => {
		try {
			const result = await storeDraft(tx, fw, source);
			await audit.record(tx, actor, { action: 'progress_framework.import', entityType: 'progress_framework', entityId: String(fw.version), after: { key: fw.key, version: fw.version, source, result } });
			return { version: fw.version, result };
		} catch (e) {
			if (e instanceof VersionTakenError) throw new Conflict('progress_framework_version_taken');
			throw e;
		}
	});
}

/** An admin publishes a draft version: it becomes the default, and every assessment is scored under it in the same transaction. */
/** A version number from a form or a URL: anything but a positive whole number names no framework. */
function assertVersion(version: number): void {
	if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) throw new NotFound('framework_not_found');
}

export async function publishFramework(actor: Actor | null, version: number): Promise<number> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	assertVersion(version);
	return db().transaction(async (tx) => {
		const [row] = await tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.version, version));
		if (!row) throw new NotFound('framework_not_found');
		if (row.status !== 'draft') throw new Conflict('progress_framework_not_draft');
		await markPublished(tx, version, actor.id);
		const n = await refreshAllScores(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.publish', entityType: 'progress_framework', entityId: String(version), before: { status: 'draft' }, after: { status: 'published', scored: n } });
		return n;
	});
}

/** An admin retires a published version: its figures stay readable by version, it is no longer the default. */
export async function retireFramework(actor: Actor | null, version: number): Promise<void> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	assertVersion(version);
	await db().transaction(async (tx) => {
		const [row] = await tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.version, version));
		if (!row) throw new NotFound('framework_not_found');
		if (row.status !== 'published') throw new Conflict('progress_framework_not_published');
		await markRetired(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.retire', entityType: 'progress_framework', entityId: String(version), before: { status: 'published' }, after: { status: 'retired' } });
	});
}

/** An admin recomputes every assessment's scores under any version (a draft's scores stay out of public view). */
export async function recomputeScores(actor: Actor | null, version: number): Promise<number> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	assertVersion(version);
	return db().transaction(async (tx) => {
		const fw = await findFramework(tx, version);
		if (!fw) throw new NotFound('framework_not_found');
		const n = await refreshAllScores(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.recompute', entityType: 'progress_framework', entityId: String(version), after: { scored: n } });
		return n;
	});
}
