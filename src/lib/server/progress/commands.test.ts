// The assessment cycle on a real database: answer, evidence, submit, query, reply, accept, lock,
// reopen; every permission boundary; the audit trail; roadmap prompts; framework versions.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog } from '../identity/schema';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser } from '../test/factories';
import * as commands from './commands';
import * as progress from './index';
import * as workspace from './workspace';
import { ensurePublishedFramework, fixtureFramework } from '../test/progress';
import { allQuestions } from '../../progress/model';

useFreshDatabase();

const PDF = new TextEncoder().encode('%PDF-1.4\n%test evidence\n');
const fullAnswers = () => [
	{ questionId: 'legal.csam.in_law', value: 'yes', citation: 'Penal Code s. 181', adoptedOn: '2015-06-01', lawUrl: 'https://example.org/law' },
	{ questionId: 'legal.csam.adopted', value: '2015-06-01' },
	{ questionId: 'legal.grooming.in_law', value: 'partial', confidentiality: 'aggregate_only' },
	{ questionId: 'technical.hotline.exists', value: 'yes' },
	{ questionId: 'technical.hotline.reports', value: '500' },
	{ questionId: 'organizational.strategy.maturity', value: '3' },
	{ questionId: 'organizational.strategy.notes', value: 'Strategy adopted in 2020' },
	{ questionId: 'capacity.schools.share', value: '40', confidentiality: 'private' },
	{ questionId: 'cooperation.international.channels', value: ['interpol', 'inhope'] }
];

describe('assessment cycle', () => {
	it('runs from first answer to published score, with every boundary held', async () => {
		await ensurePublishedFramework(db(), fixtureFramework());
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const otherFp = await makeUser({ grants: [grant('focal_point', { country: 'FR' })] });
		const validator = await makeUser({ grants: [grant('validator', { region: 'africa' })] });
		const euValidator = await makeUser({ grants: [grant('validator', { region: 'europe' })] });
		const coordinator = await makeUser({ grants: [grant('coordinator', { region: 'africa' })] });
		const euCoordinator = await makeUser({ grants: [grant('coordinator', { region: 'europe' })] });

		// only the country's focal point opens and answers
		await expect(commands.openAssessment(otherFp, { country: 'KE', period: '2025' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.openAssessment(null, { country: 'KE', period: '2025' })).rejects.toMatchObject({ status: 401 });
		const id = await commands.openAssessment(fp, { country: 'KE', period: '2025' });
		expect(await commands.openAssessment(fp, { country: 'ke', period: 2025 })).toBe(id);
		await expect(commands.saveAnswers(otherFp, id, fullAnswers())).rejects.toMatchObject({ status: 403 });
		await expect(commands.saveAnswers(validator, id, fullAnswers())).rejects.toMatchObject({ status: 403 });

		// invalid values are refused with the question named; nothing half-written stays
		await expect(commands.saveAnswers(fp, id, [{ questionId: 'technical.hotline.exists', value: 'yes' }, { questionId: 'organizational.strategy.maturity', value: '7' }])).rejects.toMatchObject({
			status: 400,
			fields: { 'organizational.strategy.maturity': 'progress_value_invalid' }
		});
		expect(Object.keys((await workspace.assessmentDetail(fp, id)).answers)).toEqual([]);

		// drafts save as they go
		expect(await commands.saveAnswers(fp, id, fullAnswers().slice(0, 3))).toBe(3);
		expect(await commands.saveAnswers(fp, id, fullAnswers().slice(0, 3))).toBe(0); // unchanged
		await commands.saveAnswers(fp, id, fullAnswers());

		// submit refuses without the required evidence
		await expect(commands.submitAssessment(fp, id)).rejects.toMatchObject({ status: 400, fields: { 'legal.csam.in_law': 'progress_evidence_required' } });
		// evidence: wrong type, fake content and oversize files are refused
		await expect(commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'x.exe', type: 'application/octet-stream', size: 3, bytes: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ fields: { file: 'progress_file_type' } });
		await expect(commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'x.pdf', type: 'application/pdf', size: 3, bytes: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ fields: { file: 'progress_file_type' } });
		await expect(commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'x.pdf', type: 'application/pdf', size: 11 * 1024 * 1024, bytes: PDF })).rejects.toMatchObject({ fields: { file: 'progress_file_too_large' } });
		await expect(commands.addEvidenceFile(otherFp, id, 'legal.csam.in_law', { name: 'law.pdf', type: 'application/pdf', size: PDF.length, bytes: PDF })).rejects.toMatchObject({ status: 403 });
		const evId = await commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'law.pdf', type: 'application/pdf', size: PDF.length, bytes: PDF });
		// a photo of a signed decree loses its EXIF (GPS position) before it is stored; a broken JPEG is refused
		const exif = [0xff, 0xe1, 0x00, 0x13, ...Buffer.from('Exif\0\0GPS-1.29,36')];
		const photo = new Uint8Array([0xff, 0xd8, ...exif, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0xff, 0xd9]);
		const photoId = await commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'decree.jpg', type: 'image/jpeg', size: photo.length, bytes: photo });
		const stored = await workspace.evidenceFile(validator, photoId);
		expect(Buffer.from(stored.bytes!).includes(Buffer.from('GPS'))).toBe(false);
		expect(stored.bytes!.length).toBe(photo.length - exif.length);
		await expect(commands.addEvidenceFile(fp, id, 'legal.csam.in_law', { name: 'cut.jpg', type: 'image/jpeg', size: 6, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]) })).rejects.toMatchObject({ fields: { file: 'progress_file_type' } });
		await commands.addEvidenceUrl(fp, id, 'technical.hotline.exists', { url: 'https://example.org/hotline' });
		await expect(commands.addEvidenceUrl(fp, id, 'technical.hotline.exists', { url: 'javascript:alert(1)' })).rejects.toMatchObject({ status: 400 });

		// evidence is served only to those allowed
		expect(Buffer.from((await workspace.evidenceFile(validator, evId)).bytes!).toString()).toContain('%PDF');
		await expect(workspace.evidenceFile(otherFp, evId)).rejects.toMatchObject({ status: 403 });
		await expect(workspace.evidenceFile(euValidator, evId)).rejects.toMatchObject({ status: 403 });

		expect(await commands.submitAssessment(fp, id)).toBe(9);
		// submitted answers are locked for the focal point until ruled on
		await expect(commands.saveAnswers(fp, id, [{ questionId: 'technical.hotline.exists', value: 'no' }])).rejects.toMatchObject({ status: 409 });

		const detail = await workspace.assessmentDetail(validator, id);
		const ans = (q: string) => detail.answers[q].id;
		// a validator of another region, or the focal point, cannot rule
		await expect(commands.decideAnswer(euValidator, ans('technical.hotline.exists'), { decision: 'accept' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.decideAnswer(fp, ans('technical.hotline.exists'), { decision: 'accept' })).rejects.toMatchObject({ status: 403 });
		// a query needs a message
		await expect(commands.decideAnswer(validator, ans('technical.hotline.exists'), { decision: 'query' })).rejects.toMatchObject({ fields: { [ans('technical.hotline.exists')]: 'progress_message_required' } });

		// nothing is published yet
		expect(await progress.publishedCountryResults(db(), { country: 'KE' })).toEqual([]);

		// query one, accept the others
		await commands.decideAnswer(validator, ans('technical.hotline.exists'), { decision: 'query', message: 'Which body runs the hotline?' });
		for (const q of Object.keys(detail.answers)) if (q !== 'technical.hotline.exists') await commands.decideAnswer(validator, ans(q), { decision: 'accept' });
		expect(await validationQueueCount(validator)).toBe(0);

		// accepted answers are locked, even for the focal point
		await expect(commands.saveAnswers(fp, id, [{ questionId: 'legal.csam.in_law', value: 'no' }])).rejects.toMatchObject({ status: 409 });
		// published now, but technical is incomplete (its queried answer is not accepted)
		let [ke] = await progress.publishedCountryResults(db(), { country: 'KE' });
		expect(ke.pillars.technical).toBeNull();
		expect(ke.overall).toBeNull();
		// the aggregate-only answer hides its indicator but counts in the pillar: (100 + 50) / 2
		expect(ke.indicators.find((i) => i.id === 'legal.grooming')).toEqual({ id: 'legal.grooming', score: null, hidden: true });
		expect(ke.pillars.legal).toBe(75);
		// the private answer counts nowhere public
		expect(ke.pillars.capacity).toBeNull();

		// the focal point replies and resubmits; the validator accepts
		await expect(commands.replyToQuery(otherFp, ans('technical.hotline.exists'), { body: 'x' })).rejects.toMatchObject({ status: 403 });
		await commands.replyToQuery(fp, ans('technical.hotline.exists'), { body: 'The national child helpline runs it.' });
		await commands.saveAnswers(fp, id, [{ questionId: 'technical.hotline.exists', value: 'partial' }]);
		expect(await commands.submitAssessment(fp, id)).toBe(1);
		await commands.decideAnswer(validator, ans('technical.hotline.exists'), { decision: 'accept' });
		[ke] = await progress.publishedCountryResults(db(), { country: 'KE' });
		// technical: (0.5 + 500/1000) / 2 = 50
		expect(ke.pillars.technical).toBe(50);
		const thread = (await workspace.assessmentDetail(fp, id)).answers['technical.hotline.exists'].thread;
		expect(thread.map((m) => m.kind)).toEqual(['query', 'reply']);

		// reopen: not by the focal point, nor a validator, nor a coordinator of another region; a reason is required
		await expect(commands.reopenAnswer(fp, ans('legal.csam.in_law'), { reason: 'x' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.reopenAnswer(validator, ans('legal.csam.in_law'), { reason: 'x' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.reopenAnswer(euCoordinator, ans('legal.csam.in_law'), { reason: 'x' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.reopenAnswer(coordinator, ans('legal.csam.in_law'), { reason: '  ' })).rejects.toMatchObject({ status: 400 });
		await commands.reopenAnswer(coordinator, ans('legal.csam.in_law'), { reason: 'The law was amended in 2025.' });
		[ke] = await progress.publishedCountryResults(db(), { country: 'KE' });
		expect(ke.indicators.find((i) => i.id === 'legal.csam')!.score).toBeNull();
		const reopenAudit = await db().select().from(auditLog).where(eq(auditLog.action, 'progress_answer.reopen'));
		expect(reopenAudit).toHaveLength(1);
		expect(reopenAudit[0].after).toMatchObject({ reason: 'The law was amended in 2025.' });
		expect(reopenAudit[0].actorId).toBe(coordinator.id);

		// every change was audited
		const actions = new Set((await db().select({ a: auditLog.action }).from(auditLog)).map((r) => r.a));
		for (const a of ['progress_assessment.open', 'progress_answer.save', 'progress_evidence.add', 'progress_assessment.submit', 'progress_answer.query', 'progress_answer.accept', 'progress_answer.reply'])
			expect(actions).toContain(a);
	});

	it('a validator who also wrote an answer cannot accept it', async () => {
		const both = await makeUser({ grants: [grant('focal_point', { country: 'GH' }), grant('validator', { region: 'africa' })] });
		const id = await commands.openAssessment(both, { country: 'GH', period: 2025 });
		await commands.saveAnswers(both, id, fullAnswers());
		await commands.addEvidenceUrl(both, id, 'legal.csam.in_law', { url: 'https://example.org/gh-law' });
		await commands.submitAssessment(both, id);
		const d = await workspace.assessmentDetail(both, id);
		expect(d.answers['legal.grooming.in_law'].canValidate).toBe(false);
		await expect(commands.decideAnswer(both, d.answers['legal.grooming.in_law'].id, { decision: 'accept' })).rejects.toMatchObject({ status: 403, code: 'progress_own_answer' });
	});

	it('answers a malformed id with not found, never a database error', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await expect(workspace.assessmentDetail(admin, 'nope')).rejects.toMatchObject({ status: 404 });
		await expect(workspace.evidenceFile(admin, "1' or 1=1")).rejects.toMatchObject({ status: 404 });
		await expect(commands.decideAnswer(admin, 'x', { decision: 'accept' })).rejects.toMatchObject({ status: 404 });
		await expect(commands.deleteAction(admin, 'x')).rejects.toMatchObject({ status: 404 });
	});

	it('lets a coordinator see only their region', async () => {
		const coordinator = await makeUser({ grants: [grant('coordinator', { region: 'europe' })] });
		expect(await workspace.listAssessments(coordinator)).toEqual([]);
		const africa = await makeUser({ grants: [grant('coordinator', { region: 'africa' })] });
		expect((await workspace.listAssessments(africa)).map((a) => a.country).sort()).toEqual(['GH', 'KE']);
		const list = await workspace.listAssessments(africa);
		await expect(workspace.assessmentDetail(coordinator, list[0].id)).rejects.toMatchObject({ status: 403 });
	});
});

async function validationQueueCount(actor: Parameters<typeof workspace.validationQueue>[0]) {
	return (await workspace.validationQueue(actor)).length;
}

describe('a page of decisions', () => {
	it('is recorded all or none', async () => {
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'SN' })] });
		const validator = await makeUser({ grants: [grant('validator')] });
		const id = await commands.openAssessment(fp, { country: 'SN', period: 2025 });
		await commands.saveAnswers(fp, id, fullAnswers());
		await commands.addEvidenceUrl(fp, id, 'legal.csam.in_law', { url: 'https://example.org/sn' });
		await commands.submitAssessment(fp, id);
		const d = await workspace.assessmentDetail(validator, id);
		const a1 = d.answers['legal.csam.in_law'].id;
		const a2 = d.answers['legal.grooming.in_law'].id;
		// a query without a message fails the whole page: the accept beside it is not recorded
		await expect(commands.decideAnswers(validator, [{ answerId: a1, decision: 'accept' }, { answerId: a2, decision: 'query', message: '' }])).rejects.toMatchObject({ status: 400, fields: { [a2]: 'progress_message_required' } });
		// an answer that is not waiting (already decided) rolls back the others too
		await commands.decideAnswer(validator, a2, { decision: 'reject', message: 'No law cited.' });
		await expect(commands.decideAnswers(validator, [{ answerId: a1, decision: 'accept' }, { answerId: a2, decision: 'accept' }])).rejects.toMatchObject({ status: 409 });
		const after = await workspace.assessmentDetail(validator, id);
		expect(after.answers['legal.csam.in_law'].status).toBe('submitted');
		expect(after.answers['legal.grooming.in_law']).toMatchObject({ status: 'rejected', rejectReason: 'No law cited.' });
		expect(await commands.decideAnswers(validator, [{ answerId: a1, decision: 'accept' }])).toEqual(['accepted']);
	});
});

describe('roadmap', () => {
	it('is edited by the focal point only; a completed action prompts to update its linked questions', async () => {
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const other = await makeUser({ grants: [grant('focal_point', { country: 'FR' })] });
		await expect(commands.createAction(other, 'KE', { title: 'x' })).rejects.toMatchObject({ status: 403 });
		await expect(commands.createAction(fp, 'KE', { title: 'Set up a hotline', indicatorIds: ['nope'] })).rejects.toMatchObject({ status: 400 });
		const id = await commands.createAction(fp, 'KE', { title: 'Set up a hotline', owner: 'Ministry of ICT', dueOn: '2026-06-30', status: 'in_progress', progress: '40', indicatorIds: ['technical.hotline'] });
		expect(await workspace.actionPrompts(fp, 'KE')).toEqual([]);
		await expect(commands.updateAction(other, id, { title: 'x', status: 'done' })).rejects.toMatchObject({ status: 403 });
		await commands.updateAction(fp, id, { title: 'Set up a hotline', owner: 'Ministry of ICT', dueOn: '2026-06-30', status: 'done', indicatorIds: ['technical.hotline'] });
		const prompts = await workspace.actionPrompts(fp, 'KE');
		expect(prompts).toHaveLength(1);
		expect(prompts[0].questions.map((q) => q.questionId)).toEqual(['technical.hotline.exists', 'technical.hotline.reports']);
		expect(await progress.roadmapCompletion(db(), { scope: 'KE' })).toMatchObject({ actions: 1, done: 1, rate: 100 });
		await commands.dismissActionPrompt(fp, id);
		expect(await workspace.actionPrompts(fp, 'KE')).toEqual([]);
		await expect(commands.deleteAction(other, id)).rejects.toMatchObject({ status: 403 });
		await commands.deleteAction(fp, id);
		expect(await progress.roadmapCompletion(db(), { scope: 'KE' })).toMatchObject({ actions: 0, rate: null });
	});
});

describe('framework versions', () => {
	it('imports a draft, refuses bad files with reasons, publishes and rescores under the new version', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const v2 = fixtureFramework(2);
		// version 2 weights the CSAM question 0: legal is then only grooming
		v2.pillars[0].indicators[0].questions[0].weight = 0;
		await expect(commands.importFramework(fp, JSON.stringify(v2), 'upload')).rejects.toMatchObject({ status: 403 });
		await expect(commands.importFramework(admin, '{"key":"x"}', 'upload')).rejects.toMatchObject({ status: 400, problems: expect.arrayContaining([expect.stringMatching(/version/)]) });
		await expect(commands.importFramework(admin, JSON.stringify(fixtureFramework(1)), 'upload')).rejects.toMatchObject({ status: 409 });
		expect(await commands.importFramework(admin, JSON.stringify(v2), 'upload')).toEqual({ version: 2, result: 'created' });
		// drafts are not public
		expect((await progress.getFramework(db())).version).toBe(1);
		expect(await progress.publishedCountryResults(db(), { version: 2 })).toEqual([]);
		await commands.publishFramework(admin, 2);
		expect((await progress.getFramework(db())).version).toBe(2);
		// KE's accepted answers are rescored under version 2; version 1 stays readable
		const [v2ke] = await progress.publishedCountryResults(db(), { country: 'KE' });
		expect(v2ke.frameworkVersion).toBe(2);
		const [v1ke] = await progress.publishedCountryResults(db(), { country: 'KE', version: 1 });
		expect(v1ke.frameworkVersion).toBe(1);
		expect(v2ke.indicators.find((i) => i.id === 'legal.csam')!.score).toBeNull();
		await commands.retireFramework(admin, 1);
		expect((await progress.listFrameworkVersions(db())).map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'retired']]);
		expect(await commands.recomputeScores(admin, 1)).toBeGreaterThan(0);
		expect(allQuestions(v2).length).toBe(9);
	});
});
