// Learn reads: a learner's progress, certificates and their verification, the xAPI export,
// completion rates for the progress module, and guideline sets as a reader in a country sees them.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { db, type Db } from '../db';
import { assertHolds, type Actor } from '../identity';
import { ValidationError } from '../platform/errors';
import type { LocaleMap } from '../../i18n/locale-map';
import type { TopicGraphId } from '../../topics';
import { allLessons, learnContent, findCourse, findSet, type GuidelineSection, type LearnContent } from './content';
import { checkProof, issuerId, issuerKeyList, statusListId } from './credentials';
import { canLearn } from './policy';
import type { Statement } from './xapi';
import { isComplete } from './rules';
import { adaptations, certificates, enrolments, lessonViews, quizAttempts, statements } from './schema';
import { isUuid } from '../../uuid';

// ---- progress ------------------------------------------------------------------------------------

export interface Progress {
	enrolmentId: string;
	country: string | null;
	startedAt: Date;
	completedAt: Date | null;
	lastLessonId: string | null;
	seen: string[];
	finalAttempts: { score: number; passed: boolean; at: Date }[];
	finalPassed: boolean;
	certificateId: string | null;
	/** the lesson to continue with: the first unseen after the last opened, or the first unseen */
	nextLessonId: string | null;
}

/** A learner's progress on a course, or null when they have not started it. */
export async function progressFor(userId: string, courseId: string): Promise<Progress | null> {
	const course = findCourse(courseId);
	if (!course) return null;
	const [e] = await db().select().from(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
	if (!e) return null;
	const seen = (await db().select({ id: lessonViews.lessonId }).from(lessonViews).where(eq(lessonViews.enrolmentId, e.id))).map((r) => r.id);
	const attempts = await db()
		.select({ score: quizAttempts.score, passed: quizAttempts.passed, at: quizAttempts.createdAt })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.enrolmentId, e.id), eq(quizAttempts.quiz, 'final')))
		.orderBy(desc(quizAttempts.createdAt));
	const [cert] = await db().select({ id: certificates.id }).from(certificates).where(eq(certificates.enrolmentId, e.id));
	const order = allLessons(course).map((l) => l.id);
	const seenSet = new Set(seen);
	const lastIndex = e.lastLessonId ? order.indexOf(e.lastLessonId) : -1;
	const nextLessonId = order.slice(lastIndex + 1).find((id) => !seenSet.has(id)) ?? order.find((id) => !seenSet.has(id)) ?? null;
	return {
		enrolmentId: e.id,
		country: e.country,
		startedAt: e.startedAt,
		completedAt: e.completedAt,
		lastLessonId: e.lastLessonId,
		seen,
		finalAttempts: attempts,
		finalPassed: attempts.some((a) => a.passed),
		certificateId: cert?.id ?? null,
		nextLessonId
	};
}

/** Everything a learner has started, newest first. */
export async function myCourses(userId: string) {
	const rows = await db().select().from(enrolments).where(eq(enrolments.userId, userId)).orderBy(desc(enrolments.updatedAt));
	const certs = await db().select({ id: certificates.id, enrolmentId: certificates.enrolmentId, revokedAt: certificates.revokedAt }).from(certificates).where(eq(certificates.userId, userId));
	return rows
		.filter((r) => findCourse(r.courseId))
		.map((r) => ({ courseId: r.courseId, startedAt: r.startedAt, completedAt: r.completedAt, lastLessonId: r.lastLessonId, certificate: certs.find((c) => c.enrolmentId === r.id) ?? null }));
}

export { isComplete };

// ---- certificates ---------------------------------------------------------------------------------

export async function getCertificate(id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db().select().from(certificates).where(eq(certificates.id, id));
	return row ?? null;
}

export async function listCertificates(actor: Actor | null, options: { limit?: number } = {}) {
	assertHolds(actor, canLearn(actor, 'certificate.revoke'));
	return db().select({ id: certificates.id, courseId: certificates.courseId, issuedAt: certificates.issuedAt, revokedAt: certificates.revokedAt, revocationReason: certificates.revocationReason }).from(certificates).orderBy(desc(certificates.issuedAt)).limit(options.limit ?? 100);
}

/** The revocation list the credentials' credentialStatus points at (1EdTechRevocationList). */
export async function revocationList() {
	const rows = await db().select({ id: certificates.id, revokedAt: certificates.revokedAt, reason: certificates.revocationReason }).from(certificates).where(isNotNull(certificates.revokedAt)).orderBy(asc(certificates.revokedAt));
	return {
		id: statusListId(),
		issuer: issuerId(),
		revokedCredentials: rows.map((r) => ({ id: `${statusListId()}#${r.id}`, revoked: true, revokedAt: r.revokedAt!.toISOString(), revocationReason: r.reason }))
	};
}

/** Certificates other modules issue with this deployment's key (events: attendance) verify here too. */
type CertificateLookup = (id: string) => Promise<{ id: string; revokedAt: Date | null } | null | undefined>;
const certificateLookups: CertificateLookup[] = [];

export function registerCertificateLookup(lookup: CertificateLookup): void {
	certificateLookups.push(lookup);
}

async function otherCertificate(id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	for (const lookup of certificateLookups) {
		const row = await lookup(id);
		if (row) return row;
	}
	return null;
}

export type VerifyOutcome =
	| { valid: true; status: 'valid'; name: string; issuer: string; validFrom: string; certificateId: string }
	| { valid: false; status: 'unreadable' | 'not_a_credential' | 'wrong_issuer' | 'bad_signature' | 'unsupported_proof' | 'unknown_key' | 'unknown_certificate' | 'revoked' | 'not_yet_valid'; name?: string; revokedAt?: string };

/**
 * Verifies a credential: it must be an OpenBadgeCredential issued by this deployment, its proof must
 * verify with the published key, and its status must not be revoked.
 */
export async function verifyCredential(text: string, now = new Date()): Promise<VerifyOutcome> {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return { valid: false, status: 'unreadable' };
	}
	if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { valid: false, status: 'not_a_credential' };
	const c = doc as Record<string, unknown>;
	const types = Array.isArray(c.type) ? c.type : [];
	if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) return { valid: false, status: 'not_a_credential' };
	const name = typeof c.name === 'string' ? c.name : undefined;
	const issuer = c.issuer && typeof c.issuer === 'object' ? (c.issuer as Record<string, unknown>).id : c.issuer;
	if (issuer !== issuerId()) return { valid: false, status: 'wrong_issuer', name };
	const check = checkProof(doc, await issuerKeyList(db()));
	if (check === 'unsupported_proof' || check === 'unknown_key') return { valid: false, status: check, name };
	if (check !== 'ok') return { valid: false, status: 'bad_signature', name };
	const status = c.credentialStatus as Record<string, unknown> | undefined;
	const certId = typeof status?.id === 'string' && status.id.startsWith(statusListId() + '#') ? status.id.slice(statusListId().length + 1) : '';
	const row = (await getCertificate(certId)) ?? (await otherCertificate(certId));
	if (!row) return { valid: false, status: 'unknown_certificate', name };
	if (row.revokedAt) return { valid: false, status: 'revoked', name, revokedAt: row.revokedAt.toISOString() };
	const validFrom = typeof c.validFrom === 'string' ? c.validFrom : '';
	if (!validFrom || new Date(validFrom) > now) return { valid: false, status: 'not_yet_valid', name };
	return { valid: true, status: 'valid', name: name ?? '', issuer: String((c.issuer as Record<string, unknown>).name ?? issuer), validFrom, certificateId: row.id };
}


// ---- xAPI export ------------------------------------------------------------------------------------

export interface StatementQuery {
	/** only statements stored after this instant */
	since?: Date;
	/** continue after this position (from `more`) */
	after?: number;
	limit?: number;
}

/** Statements in stored order, as an xAPI StatementResult plus the position to continue from. */
export async function listStatements(actor: Actor | null, query: StatementQuery) {
	assertHolds(actor, canLearn(actor, 'statements.read'));
	const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
	const where: SQL[] = [];
	if (query.since) where.push(gt(statements.stored, query.since));
	if (query.after) where.push(gt(statements.seq, query.after));
	const rows = await db()
		.select()
		.from(statements)
		.where(where.length ? and(...where) : undefined)
		.orderBy(asc(statements.seq))
		.limit(limit + 1);
	const page = rows.slice(0, limit);
	return {
		statements: page.map((r) => ({ ...(r.statement as unknown as Statement), stored: r.stored.toISOString() })),
		next: rows.length > limit ? page[page.length - 1].seq : null
	};
}

// ---- completion rates (for the progress module) -------------------------------------------------------

export interface CompletionRate {
	courseId: string;
	title: LocaleMap;
	country: string | null;
	enrolled: number;
	completed: number;
}

/**
 * Learners who started each course in calendar year `period` (UTC), per the country they gave
 * (null: not given), and how many of them have completed it.
 */
export async function courseCompletionRates(database: Db, options: { period: number; countries?: string[] }): Promise<CompletionRate[]> {
	if (!Number.isInteger(options.period) || options.period < 1970 || options.period > 9999) throw new ValidationError({ period: 'invalid_value' });
	const from = new Date(Date.UTC(options.period, 0, 1));
	const to = new Date(Date.UTC(options.period + 1, 0, 1));
	const where: SQL[] = [gte(enrolments.startedAt, from), lt(enrolments.startedAt, to)];
	if (options.countries) {
		if (!options.countries.length) return [];
		where.push(inArray(enrolments.country, options.countries.map((c) => c.toUpperCase())));
	}
	const rows = await database
		.select({
			courseId: enrolments.courseId,
			country: enrolments.country,
			enrolled: sql<number>`count(*)::int`,
			completed: sql<number>`count(${enrolments.completedAt})::int`
		})
		.from(enrolments)
		.where(and(...where))
		.groupBy(enrolments.courseId, enrolments.country)
		.orderBy(asc(enrolments.courseId), asc(enrolments.country));
	let content: LearnContent | undefined;
	try {
		content = learnContent();
	} catch {
		content = undefined;
	}
	return rows.map((r) => ({
		courseId: r.courseId,
		title: content?.courses.find((c) => c.id === r.courseId)?.title ?? { en: r.courseId },
		country: r.country,
		enrolled: Number(r.enrolled),
		completed: Number(r.completed)
	}));
}

// ---- guidelines with national adaptations --------------------------------------------------------------

export interface ReaderSection extends GuidelineSection {
	/** where the text comes from: the content files, or an adaptation for the reader's country */
	origin: 'content' | 'override' | 'addition';
	adaptationId?: string;
	country?: string;
}

type AdaptationRow = typeof adaptations.$inferSelect;

function sectionFromAdaptation(a: AdaptationRow, base?: GuidelineSection): ReaderSection {
	return {
		id: a.sectionId,
		setId: a.setId,
		order: a.kind === 'override' && base ? base.order : a.order,
		file: base?.file ?? '',
		topics: (a.topics.length ? a.topics : (base?.topics ?? [])) as TopicGraphId[],
		title: a.title,
		summary: Object.keys(a.summary).length ? a.summary : (base?.summary ?? {}),
		body: a.body,
		// an override keeps the original checklist (it is about the reader's device, not the law)
		checklist: base?.checklist ?? [],
		// written by national editors on the platform, in each language they fill in
		translations: Object.fromEntries(Object.keys(a.body).map((l) => [l, { status: l === 'en' ? 'original' : 'translated' }])),
		origin: a.kind === 'override' ? 'override' : 'addition',
		adaptationId: a.id,
		country: a.country
	};
}

export async function adaptationsFor(setId: string, country: string): Promise<AdaptationRow[]> {
	return db().select().from(adaptations).where(and(eq(adaptations.setId, setId), eq(adaptations.country, country.toUpperCase())));
}

/**
 * A set as a reader who chose `country` sees it: an override replaces the content section of the same
 * id, an addition joins the set; without a country, the content as written.
 */
export async function readerSet(setId: string, country?: string | null, content: LearnContent = learnContent()) {
	const set = findSet(setId, content);
	if (!set) return null;
	const rows = country ? await adaptationsFor(setId, country) : [];
	return { ...set, sections: mergeAdaptations(set.sections, rows) };
}

/** The precedence rule, on its own: overrides replace by id; additions are added; order by `order`. */
export function mergeAdaptations(sections: GuidelineSection[], rows: AdaptationRow[]): ReaderSection[] {
	const overrides = new Map(rows.filter((r) => r.kind === 'override').map((r) => [r.sectionId, r]));
	const merged: ReaderSection[] = sections.map((s) => {
		const o = overrides.get(s.id);
		return o ? sectionFromAdaptation(o, s) : { ...s, origin: 'content' as const };
	});
	const ids = new Set(sections.map((s) => s.id));
	for (const r of rows) if (r.kind === 'addition' && !ids.has(r.sectionId)) merged.push(sectionFromAdaptation(r));
	return merged.sort((a, b) => a.order - b.order);
}

export async function listAdaptations(options: { country?: string; countries?: string[] | 'all' } = {}) {
	const where: SQL[] = [];
	if (options.country) where.push(eq(adaptations.country, options.country));
	if (Array.isArray(options.countries)) {
		if (!options.countries.length) return [];
		where.push(inArray(adaptations.country, options.countries));
	}
	return db().select().from(adaptations).where(where.length ? and(...where) : undefined).orderBy(asc(adaptations.country), asc(adaptations.setId), asc(adaptations.order));
}

export async function getAdaptation(id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db().select().from(adaptations).where(eq(adaptations.id, id));
	return row ?? null;
}

/** Countries that have at least one adaptation (for the reader's country picker hint). */
export async function adaptedCountries(setId?: string): Promise<string[]> {
	const rows = await db()
		.selectDistinct({ country: adaptations.country })
		.from(adaptations)
		.where(setId ? eq(adaptations.setId, setId) : undefined)
		.orderBy(asc(adaptations.country));
	return rows.map((r) => r.country);
}

// ---- the topic graph: related content ------------------------------------------------------------

export interface RelatedItem {
	kind: 'section' | 'lesson';
	path: string;
	title: LocaleMap;
	shared: TopicGraphId[];
}

/** Guideline sections and lessons sharing topics with `topics`, most shared first (not `exclude`: a section, lesson or course id). */
export function related(topics: TopicGraphId[], exclude: string, limit = 6, content: LearnContent = learnContent()): RelatedItem[] {
	const want = new Set(topics);
	const items: RelatedItem[] = [];
	for (const set of content.guidelines) {
		for (const s of set.sections) {
			if (s.id === exclude) continue;
			const shared = s.topics.filter((t) => want.has(t));
			if (shared.length) items.push({ kind: 'section', path: `/learn/guidelines/${set.id}/${s.id}`, title: s.title, shared });
		}
	}
	for (const c of content.courses) {
		// on a course's own page, its lessons are already listed
		if (c.id === exclude) continue;
		for (const l of allLessons(c)) {
			if (l.id === exclude) continue;
			const shared = l.topics.filter((t) => want.has(t));
			if (shared.length) items.push({ kind: 'lesson', path: `/learn/courses/${c.id}/lessons/${l.id}`, title: l.title, shared });
		}
	}
	// stable: most shared topics first, then alternate kinds so both appear
	return items
		.map((item, i) => ({ item, i }))
		.sort((a, b) => b.item.shared.length - a.item.shared.length || a.i - b.i)
		.map((x) => x.item)
		.reduce<RelatedItem[]>((acc, item) => {
			const kinds = acc.filter((a) => a.kind === item.kind).length;
			if (kinds < Math.ceil(limit / 2)) acc.push(item);
			return acc;
		}, [])
		.slice(0, limit);
}

/** Everything learning keeps about one person, for "download my data". */
export async function personalData(userId: string) {
	const d = db();
	const rows = await d.select().from(enrolments).where(eq(enrolments.userId, userId));
	const ids = rows.map((r) => r.id);
	const views = ids.length ? await d.select().from(lessonViews).where(inArray(lessonViews.enrolmentId, ids)) : [];
	const attempts = ids.length ? await d.select().from(quizAttempts).where(inArray(quizAttempts.enrolmentId, ids)) : [];
	const certs = await d.select().from(certificates).where(eq(certificates.userId, userId));
	const stmts = await d.select({ id: statements.id, stored: statements.stored, statement: statements.statement }).from(statements).where(eq(statements.userId, userId));
	return {
		enrolments: rows.map((r) => ({
			course: r.courseId,
			country: r.country,
			startedAt: r.startedAt,
			completedAt: r.completedAt,
			lessonsSeen: views.filter((v) => v.enrolmentId === r.id).map((v) => ({ lesson: v.lessonId, firstSeenAt: v.firstSeenAt })),
			quizAttempts: attempts.filter((a) => a.enrolmentId === r.id).map((a) => ({ quiz: a.quiz, answers: a.answers, score: a.score, passed: a.passed, at: a.createdAt }))
		})),
		certificates: certs.map((c) => ({ id: c.id, course: c.courseId, issuedAt: c.issuedAt, revokedAt: c.revokedAt, credential: c.credential })),
		learningRecords: stmts.map((s) => s.statement)
	};
}
