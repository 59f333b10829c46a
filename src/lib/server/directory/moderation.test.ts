import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { rateLimits } from '../platform/schema';
import { codeOf } from '../test/errors';
import { useFreshDatabase } from '../test/db';
import { serviceInput } from '../test/directory';
import { grant, makeUser } from '../test/factories';
import * as directory from '.';

useFreshDatabase();

// The security review found country moderators reading every country's pending requests, with the
// reporters' contacts, and every moderator reading editors' emails in service histories.
describe('moderators read only what their scope covers', () => {
	it('queues, requests, stale entries and histories are scoped; editor emails only for admins', async () => {
		await db().delete(rateLimits);
		const globalMod = await makeUser({ grants: [grant('directory_moderator')] });
		const keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const ugMod = await makeUser({ grants: [grant('directory_moderator', { country: 'UG' })] });
		const admin = await makeUser({ grants: [grant('admin')] });
		const learner = await makeUser();

		const keService = await directory.createService(globalMod, serviceInput({ name: { en: 'Kenya line' }, countries: ['KE'] }));
		const ugService = await directory.createService(globalMod, serviceInput({ name: { en: 'Uganda line' }, countries: ['UG'] }));
		const client = { ip: '203.0.113.9' };
		const keReport = await directory.reportProblem(keService, { message: 'The number has changed', contact: 'reporter@example.org' }, client);
		const ugSuggestion = await directory.suggestService(serviceInput({ name: { en: 'New Uganda chat' }, countries: ['UG'] }), 'Seen on a poster', client);

		const queue = async (actor: typeof keMod) => (await directory.moderationQueue(actor)).map((r) => r.id);
		expect(await queue(keMod)).toEqual([keReport]);
		expect(await queue(ugMod)).toEqual([ugSuggestion]);
		expect((await queue(globalMod)).sort()).toEqual([keReport, ugSuggestion].sort());
		expect(await codeOf(directory.moderationQueue(learner))).toBe('forbidden');
		expect(await codeOf(directory.moderationQueue(null))).toBe('sign_in_required');

		expect((await directory.requestForModerator(keMod, keReport)).contact).toBe('reporter@example.org');
		expect(await codeOf(directory.requestForModerator(ugMod, keReport))).toBe('not_found');
		expect(await codeOf(directory.requestForModerator(keMod, ugSuggestion))).toBe('not_found');

		const stale = async (actor: typeof keMod) => (await directory.staleForModerator(actor, 1000)).map((s) => s.id);
		expect(await stale(keMod)).toContain(keService);
		expect(await stale(keMod)).not.toContain(ugService);

		const moderatorView = await directory.serviceHistory(keMod, keService);
		expect(moderatorView.length).toBeGreaterThan(0);
		expect(moderatorView.every((h) => h.who === null && h.someone)).toBe(true);
		expect(JSON.stringify(moderatorView)).not.toContain('@');
		expect((await directory.serviceHistory(admin, keService)).map((h) => h.who)).toContain(globalMod.email);
	});
});
