import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { auditLog } from '../identity/schema';
import { useFreshDatabase } from '../test/db';
import { codeOf } from '../test/errors';
import { grant, makeUser } from '../test/factories';
import { readContentDir } from '../content/disk';
import { useLearnFiles } from './content';
import { FIXTURES_DIR } from '../test/learning';
import { forgetIssuerKey, issuerKey } from './credentials';
import { enrolments, issuerKeys } from './schema';
import * as learning from '.';

useLearnFiles(readContentDir(FIXTURES_DIR));
useFreshDatabase();
beforeAll(() => forgetIssuerKey());

const ALL_RIGHT = { q1: ['a'], q2: ['a', 'b'], q3: ['a'] };
const ONE_RIGHT = { q1: ['a'], q2: ['a'], q3: ['b'] };

describe('a learner takes the sample course', () => {
	it('anyone may try a quiz; nothing is stored without an account', async () => {
		const r = await learning.submitQuiz(null, 'sample-course', 'final', ALL_RIGHT);
		expect(r).toMatchObject({ passed: true, recorded: false, certificateId: null });
		expect(await db().select().from(enrolments)).toEqual([]);
	});

	it('an empty quiz is refused with a clear code', async () => {
		const u = await makeUser();
		expect(await codeOf(learning.submitQuiz(u, 'sample-course', 'final', {}))).toBe('learn_quiz_unanswered');
	});

	it('completes only with every lesson seen and the final quiz passed; a failed try first, then a pass', async () => {
		const u = await makeUser();
		await learning.startCourse(u, 'sample-course', { country: 'ke' });
		await learning.viewLesson(u, 'sample-course', 'm1-l1');
		let p = await learning.progressFor(u.id, 'sample-course');
		expect(p).toMatchObject({ country: 'KE', seen: ['m1-l1'], nextLessonId: 'm1-l2', completedAt: null });

		const fail = await learning.submitQuiz(u, 'sample-course', 'final', ONE_RIGHT);
		expect(fail).toMatchObject({ passed: false, recorded: true, completed: false, certificateId: null });
		expect(fail.result.questions.map((q) => q.right)).toEqual([true, false, false]);

		// passing before all lessons are seen does not complete the course yet
		const pass = await learning.submitQuiz(u, 'sample-course', 'final', ALL_RIGHT);
		expect(pass).toMatchObject({ passed: true, completed: false, certificateId: null });

		await learning.viewLesson(u, 'sample-course', 'm1-l2');
		const last = await learning.viewLesson(u, 'sample-course', 'm2-l1');
		expect(last.certificateId).toMatch(/^[0-9a-f-]{36}$/);
		p = await learning.progressFor(u.id, 'sample-course');
		expect(p!.completedAt).toBeInstanceOf(Date);
		expect(p!.finalAttempts.map((a) => a.passed)).toEqual([true, false]);
		expect(p!.certificateId).toBe(last.certificateId);

		// seeing a lesson again changes nothing and issues no second certificate
		expect((await learning.viewLesson(u, 'sample-course', 'm1-l1')).certificateId).toBeNull();
	});

	it('passing the final quiz last completes the course and issues the certificate at once', async () => {
		const u = await makeUser();
		for (const l of ['m1-l1', 'm1-l2', 'm2-l1']) await learning.viewLesson(u, 'sample-course', l);
		const r = await learning.submitQuiz(u, 'sample-course', 'final', ALL_RIGHT);
		expect(r.completed).toBe(true);
		const cert = await learning.getCertificate(r.certificateId!);
		expect(cert!.credential).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Sample course' });
		expect(JSON.stringify(cert!.credential)).not.toContain(u.email);
		expect(await learning.verifyCredential(JSON.stringify(cert!.credential))).toMatchObject({ valid: true, status: 'valid', name: 'Sample course' });
	});

	it('a learner enrolled by opening a lesson may give a country later; an invalid one is refused', async () => {
		const u = await makeUser();
		await learning.viewLesson(u, 'sample-course', 'm1-l1');
		expect((await learning.progressFor(u.id, 'sample-course'))!.country).toBeNull();
		expect(await codeOf(learning.startCourse(u, 'sample-course', { country: 'XX' }))).toBe('invalid_input');
		await learning.startCourse(u, 'sample-course', { country: 'ug' });
		expect((await learning.progressFor(u.id, 'sample-course'))!.country).toBe('UG');
		// starting again without a country keeps the one given
		await learning.startCourse(u, 'sample-course', {});
		expect((await learning.progressFor(u.id, 'sample-course'))!.country).toBe('UG');
	});

	it('a practice quiz gives feedback and is recorded, but does not complete anything', async () => {
		const u = await makeUser();
		const r = await learning.submitQuiz(u, 'sample-course', 'module:m1', { p1: ['b'] });
		expect(r).toMatchObject({ passed: false, recorded: true, completed: false });
		expect(await codeOf(learning.submitQuiz(u, 'sample-course', 'module:m2', { x: ['a'] }))).toBe('learn_quiz_not_found');
		expect(await codeOf(learning.viewLesson(u, 'no-such-course', 'x'))).toBe('learn_course_not_found');
		expect(await codeOf(learning.viewLesson(null, 'sample-course', 'm1-l1'))).toBe('sign_in_required');
	});
});

describe('certificates: verification and revocation', () => {
	let credential: Record<string, unknown>;
	let certificateId: string;
	beforeAll(async () => {
		const u = await makeUser();
		for (const l of ['m1-l1', 'm1-l2', 'm2-l1']) await learning.viewLesson(u, 'sample-course', l);
		certificateId = (await learning.submitQuiz(u, 'sample-course', 'final', ALL_RIGHT)).certificateId!;
		credential = (await learning.getCertificate(certificateId))!.credential;
	});

	it('a tampered credential fails: changed name, changed date, changed proof', async () => {
		const t = (f: (d: any) => void) => {
			const d = structuredClone(credential) as any;
			f(d);
			return learning.verifyCredential(JSON.stringify(d));
		};
		expect(await t((d) => (d.credentialSubject.achievement.name = 'Something else'))).toMatchObject({ valid: false, status: 'bad_signature' });
		expect(await t((d) => (d.validFrom = '2020-01-01T00:00:00Z'))).toMatchObject({ valid: false, status: 'bad_signature' });
		expect(await t((d) => (d.proof.proofValue = 'z' + 'A'.repeat(87)))).toMatchObject({ valid: false, status: 'bad_signature' });
		expect(await t((d) => (d.issuer.id = 'https://elsewhere.example/issuer'))).toMatchObject({ valid: false, status: 'wrong_issuer' });
		expect(await learning.verifyCredential('{ nope')).toEqual({ valid: false, status: 'unreadable' });
		expect(await learning.verifyCredential('{"type":["VerifiableCredential"]}')).toEqual({ valid: false, status: 'not_a_credential' });
	});

	it('only an admin may revoke; a revoked credential no longer verifies; the revocation is audited', async () => {
		const editor = await makeUser({ grants: [grant('editor')] });
		expect(await codeOf(learning.revokeCertificate(editor, certificateId, { reason: 'x' }))).toBe('forbidden');
		const admin = await makeUser({ grants: [grant('admin')] });
		expect(await codeOf(learning.revokeCertificate(admin, certificateId, { reason: '' }))).toBe('invalid_input');
		await learning.revokeCertificate(admin, certificateId, { reason: 'Issued by mistake' });
		expect(await learning.verifyCredential(JSON.stringify(credential))).toMatchObject({ valid: false, status: 'revoked' });
		const list = await learning.revocationList();
		expect(list.revokedCredentials.map((r) => r.id)).toContain((credential.credentialStatus as any).id);
		const entries = await db().select().from(auditLog).where(eq(auditLog.entityId, certificateId));
		expect(entries.map((e) => e.action).sort()).toEqual(['certificate.issue', 'certificate.revoke']);
	});

	it('an admin rotates the signing key: new certificates use the new key, earlier ones keep verifying, audited', async () => {
		const editor = await makeUser({ grants: [grant('editor')] });
		expect(await codeOf(learning.rotateCertificateKey(editor))).toBe('forbidden');
		expect(await codeOf(learning.rotateCertificateKey(null))).toBe('sign_in_required');
		const admin = await makeUser({ grants: [grant('admin')] });
		const before = (credential.proof as { verificationMethod: string }).verificationMethod;
		const rotated = await learning.rotateCertificateKey(admin);
		expect(rotated.previous).toBe(before);
		expect(rotated.current).toMatch(/#key-\d+$/);
		expect(rotated.current).not.toBe(before);
		// a certificate issued after the rotation is signed with the new key, and verifies
		const u = await makeUser();
		for (const l of ['m1-l1', 'm1-l2', 'm2-l1']) await learning.viewLesson(u, 'sample-course', l);
		const later = (await learning.getCertificate((await learning.submitQuiz(u, 'sample-course', 'final', ALL_RIGHT)).certificateId!))!.credential;
		expect((later.proof as { verificationMethod: string }).verificationMethod).toBe(rotated.current);
		expect(await learning.verifyCredential(JSON.stringify(later))).toMatchObject({ valid: true });
		// one signed before it still verifies with the retired key (unless revoked, as the test above did)
		const check = await learning.verifyCredential(JSON.stringify(credential));
		expect(['valid', 'revoked']).toContain(check.status);
		// the issuer profile publishes both keys; exactly one signs
		const keys = await learning.issuerKeyList(db());
		expect(keys.map((k) => k.methodId)).toEqual(expect.arrayContaining([before, rotated.current]));
		expect(keys.filter((k) => !k.retiredAt).map((k) => k.methodId)).toEqual([rotated.current]);
		const profile = learning.issuerProfile(keys, { name: 'x' });
		expect(profile.assertionMethod).toEqual(expect.arrayContaining([before, rotated.current]));
		// a proof the retired key makes now is refused: it signs nothing after its retirement
		const { signDataIntegrity } = await import('../platform/data-integrity');
		const retiredRow = (await db().select().from(issuerKeys)).find((r) => r.retiredAt)!;
		const { unseal } = await import('../platform/secrets');
		const { createPrivateKey } = await import('node:crypto');
		const oldPrivate = createPrivateKey({ key: Buffer.from(unseal(retiredRow.privateKey, `learning_issuer_keys:${retiredRow.id}`).plaintext, 'base64'), format: 'der', type: 'pkcs8' });
		const { proof: _dropped, ...unsigned } = later as Record<string, unknown>;
		const forged = signDataIntegrity(unsigned, oldPrivate, before, new Date(Date.now() + 60_000));
		expect(await learning.verifyCredential(JSON.stringify(forged))).toMatchObject({ valid: false, status: 'unknown_key' });
		const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'certificate.key_rotate'));
		expect(entries.map((e) => [e.before, e.after])).toEqual([[{ key: before }, { key: rotated.current }]]);
	});

	it('the issuer key is created once even when first used concurrently', async () => {
		await db().delete(issuerKeys);
		forgetIssuerKey();
		const keys = await Promise.all([1, 2, 3, 4].map(async () => {
			forgetIssuerKey();
			return issuerKey(db());
		}));
		expect(new Set(keys.map((k) => k.publicKeyMultibase)).size).toBe(1);
		expect(await db().select().from(issuerKeys)).toHaveLength(1);
		forgetIssuerKey();
	});
});

describe('xAPI learning records', () => {
	it('every lesson view, answer and completion is a statement with an opaque actor and ADL verbs', async () => {
		const u = await makeUser({ email: 'records@example.org' });
		for (const l of ['m1-l1', 'm1-l2', 'm2-l1']) await learning.viewLesson(u, 'sample-course', l);
		await learning.submitQuiz(u, 'sample-course', 'final', ONE_RIGHT);
		await learning.submitQuiz(u, 'sample-course', 'final', ALL_RIGHT);
		const admin = await makeUser({ grants: [grant('admin')] });
		const { statements } = await learning.listStatements(admin, { limit: 500 });
		const mine = statements.filter((s: any) => s.actor.account.name === u.id) as any[];
		expect(mine.map((s) => s.verb.id.split('/').pop())).toEqual([
			'registered', 'experienced', 'experienced', 'experienced',
			'answered', 'answered', 'answered', 'failed',
			'answered', 'answered', 'answered', 'passed', 'completed'
		]);
		for (const s of mine) {
			expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: expect.stringMatching(/^https?:\/\//), name: u.id } });
			expect(s.verb.id).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/(registered|experienced|answered|passed|failed|completed)$/);
			expect(s.object.id.startsWith(learning.origin() + '/learn/courses/sample-course')).toBe(true);
			expect(new Date(s.timestamp).toISOString()).toBe(s.timestamp);
			expect(typeof s.stored).toBe('string');
			expect(JSON.stringify(s)).not.toContain('records@example.org');
		}
		const failed = mine.find((s) => s.verb.id.endsWith('/failed'));
		expect(failed.result).toEqual({ score: { scaled: 0.3333, raw: 1, min: 0, max: 3 }, success: false, completion: true });
		const completed = mine.find((s) => s.verb.id.endsWith('/completed'));
		expect(completed.result).toEqual({ completion: true, success: true });
		const answered = mine.find((s) => s.verb.id.endsWith('/answered'));
		expect(answered.result).toEqual({ success: true, response: 'a' });
	});

	it('pages with limit and continues after the last one; since filters by stored time; admin only', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const all = await learning.listStatements(admin, { limit: 500 });
		const first = await learning.listStatements(admin, { limit: 2 });
		expect(first.statements).toHaveLength(2);
		expect(first.next).not.toBeNull();
		const second = await learning.listStatements(admin, { limit: 2, after: first.next! });
		expect(second.statements[0].id).toBe(all.statements[2].id);
		expect((await learning.listStatements(admin, { since: new Date(Date.now() + 60_000) })).statements).toEqual([]);
		expect(await codeOf(learning.listStatements(await makeUser({ grants: [grant('editor')] }), {}))).toBe('forbidden');
		expect(await codeOf(learning.listStatements(null, {}))).toBe('sign_in_required');
	});
});

describe('courseCompletionRates', () => {
	it('counts learners enrolled in the calendar year, per country given, and those who completed', async () => {
		const users = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser()));
		await learning.startCourse(users[0], 'sample-course', { country: 'FR' });
		await learning.startCourse(users[1], 'sample-course', { country: 'FR' });
		await learning.startCourse(users[2], 'sample-course', { country: 'SN' });
		await learning.startCourse(users[3], 'sample-course', {});
		for (const l of ['m1-l1', 'm1-l2', 'm2-l1']) await learning.viewLesson(users[0], 'sample-course', l);
		await learning.submitQuiz(users[0], 'sample-course', 'final', ALL_RIGHT);
		// an enrolment from a past year
		await learning.startCourse(users[4], 'sample-course', { country: 'FR' });
		await db().update(enrolments).set({ startedAt: new Date('2024-06-01T00:00:00Z') }).where(eq(enrolments.userId, users[4].id));

		const year = new Date().getUTCFullYear();
		const rows = await learning.courseCompletionRates(db(), { period: year, countries: ['FR', 'SN'] });
		expect(rows).toEqual([
			{ courseId: 'sample-course', title: { en: 'Sample course', fr: "Cours d'exemple" }, country: 'FR', enrolled: 2, completed: 1 },
			{ courseId: 'sample-course', title: { en: 'Sample course', fr: "Cours d'exemple" }, country: 'SN', enrolled: 1, completed: 0 }
		]);
		expect(await learning.courseCompletionRates(db(), { period: 2024 })).toEqual([
			{ courseId: 'sample-course', title: expect.any(Object), country: 'FR', enrolled: 1, completed: 0 }
		]);
		const all = await learning.courseCompletionRates(db(), { period: year });
		expect(all.find((r) => r.country === null)!.enrolled).toBeGreaterThanOrEqual(1);
		expect(await learning.courseCompletionRates(db(), { period: year, countries: [] })).toEqual([]);
	});
});

describe('national adaptation of the guidelines', () => {
	it('an override replaces the section for readers in that country; an addition joins the set; others see the original', async () => {
		const kenyaEditor = await makeUser({ grants: [grant('editor', { country: 'KE' })] });
		const base = { setId: 'parents-educators', locale: 'en', title: 'Talk early (Kenya)', body: 'In Kenya, call **116**.', topics: ['contact'] };
		await learning.saveAdaptation(kenyaEditor, { ...base, country: 'KE', kind: 'override', sectionId: 'sample-talk-early' });
		await learning.saveAdaptation(kenyaEditor, { ...base, country: 'KE', kind: 'addition', sectionId: 'ke-law', title: 'The law in Kenya', order: 5 });

		const ke = await learning.readerSet('parents-educators', 'KE');
		expect(ke!.sections.map((s) => [s.id, s.origin])).toEqual([
			['sample-talk-early', 'override'],
			['sample-passwords', 'content'],
			['ke-law', 'addition']
		]);
		expect(ke!.sections[0].title.en).toBe('Talk early (Kenya)');
		// the override keeps the original checklist
		expect(ke!.sections[0].checklist.map((c) => c.id)).toEqual(['agree-rules', 'check-settings']);
		const plain = await learning.readerSet('parents-educators', null);
		expect(plain!.sections.map((s) => s.origin)).toEqual(['content', 'content']);
		expect((await learning.readerSet('parents-educators', 'UG'))!.sections.map((s) => s.title.en)).toEqual(['Talk early', 'Passwords']);
	});

	it('a translation fills another language of the same adaptation', async () => {
		const ed = await makeUser({ grants: [grant('editor', { country: 'KE' })] });
		await learning.saveAdaptation(ed, { country: 'KE', setId: 'parents-educators', kind: 'override', sectionId: 'sample-talk-early', locale: 'fr', title: 'Parler tôt (Kenya)', body: 'Au Kenya...' });
		const s = (await learning.readerSet('parents-educators', 'KE'))!.sections[0];
		expect(s.title).toEqual({ en: 'Talk early (Kenya)', fr: 'Parler tôt (Kenya)' });
	});

	it('an editor for another country, or no editor, may not; global editors may anywhere', async () => {
		const input = { country: 'KE', setId: 'parents-educators', kind: 'addition', sectionId: 'ke-other', locale: 'en', title: 'T', body: 'B' };
		expect(await codeOf(learning.saveAdaptation(await makeUser({ grants: [grant('editor', { country: 'UG' })] }), input))).toBe('forbidden');
		expect(await codeOf(learning.saveAdaptation(await makeUser(), input))).toBe('forbidden');
		expect(await codeOf(learning.saveAdaptation(null, input))).toBe('sign_in_required');
		expect(await learning.saveAdaptation(await makeUser({ grants: [grant('editor')] }), input)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('validates: raw HTML refused, overrides must name a section of the set, additions a new id', async () => {
		const ed = await makeUser({ grants: [grant('editor')] });
		const base = { country: 'FR', setId: 'parents-educators', locale: 'en', title: 'T', body: 'B' };
		expect(await codeOf(learning.saveAdaptation(ed, { ...base, kind: 'addition', sectionId: 'x1', body: 'Hi <script>alert(1)</script>' }))).toBe('invalid_input');
		expect(await codeOf(learning.saveAdaptation(ed, { ...base, kind: 'override', sectionId: 'no-such-section' }))).toBe('invalid_input');
		expect(await codeOf(learning.saveAdaptation(ed, { ...base, kind: 'addition', sectionId: 'sample-passwords' }))).toBe('invalid_input');
		expect(await codeOf(learning.saveAdaptation(ed, { ...base, country: 'XX', kind: 'addition', sectionId: 'x2' }))).toBe('invalid_input');
	});

	it('is audited, and deleting brings the original back', async () => {
		const ed = await makeUser({ grants: [grant('editor', { country: 'SN' })] });
		const id = await learning.saveAdaptation(ed, { country: 'SN', setId: 'parents-educators', kind: 'override', sectionId: 'sample-passwords', locale: 'en', title: 'Mots de passe au Sénégal', body: 'B' });
		expect((await learning.readerSet('parents-educators', 'SN'))!.sections[1].origin).toBe('override');
		await learning.deleteAdaptation(ed, id);
		expect((await learning.readerSet('parents-educators', 'SN'))!.sections[1].origin).toBe('content');
		const entries = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(entries.map((e) => e.action).sort()).toEqual(['adaptation.create', 'adaptation.delete']);
	});
});
