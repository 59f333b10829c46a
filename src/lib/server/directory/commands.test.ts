import { describe, expect, it } from 'vitest';
import { codeOf } from '../test/errors';
import { db } from '../db';
import * as identity from '../identity';
import { DomainError } from '../platform/errors';
import { readVersion } from '../platform/cache';
import { rateLimits } from '../platform/schema';
import { useFreshDatabase } from '../test/db';
import { serviceInput, weekdays9to17 } from '../test/directory';
import { grant, makeUser } from '../test/factories';
import * as directory from '.';

useFreshDatabase();


// Monday 2026-11-23 10:00 in Nairobi (UTC+3) = 07:00 UTC; Sunday 2026-11-22 10:00 Nairobi = 07:00 UTC
const MONDAY_10_NAIROBI = new Date(Date.UTC(2026, 10, 23, 7, 0));
const SUNDAY_10_NAIROBI = new Date(Date.UTC(2026, 10, 22, 7, 0));

describe('search, for a child in a hurry', async () => {
	let ids: Record<string, string> = {};
	it('setup: a moderator adds services', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		ids = {
			talk: await directory.createService(mod, serviceInput({ name: { en: 'Kenya talk line', sw: 'Simu ya mazungumzo' }, languages: ['en', 'sw'], ageMin: 0, ageMax: 17, topics: ['bullying_cyberbullying', 'family_problems'] })),
			office: await directory.createService(mod, serviceInput({ name: { en: 'Office hours chat' }, topics: ['sextortion'], channels: [{ type: 'webchat', value: 'https://chat.example.org', hours: weekdays9to17('Africa/Nairobi') }] })),
			removal: await directory.createService(mod, serviceInput({ name: { en: 'Worldwide removal tool' }, kind: 'takedown_tool', countries: ['ZZ'], actions: ['remove_image'], topics: ['images_shared_without_consent', 'sextortion'], ageMax: 17, channels: [{ type: 'webform', value: 'https://remove.example.org', hours: { timezone: 'UTC', always: true, weekly: [], exceptions: [] } }] })),
			uganda: await directory.createService(mod, serviceInput({ name: { en: 'Uganda line' }, countries: ['UG'] })),
			adults: await directory.createService(mod, serviceInput({ name: { en: 'Adults only' }, ageMin: 18, ageMax: null })),
			defunct: await directory.createService(mod, serviceInput({ name: { en: 'Closed forever' }, status: 'defunct' })),
			sms: await directory.createService(mod, serviceInput({ name: { en: 'Text line' }, channels: [{ type: 'sms', value: '21000', detail: 'HELP', hours: weekdays9to17('Africa/Nairobi') }] }))
		};
	});

	const names = (rs: directory.SearchResult[]) => rs.map((r) => r.service.name.en).sort();

	it('by country: the country’s own and worldwide services, never defunct, never another country’s', async () => {
		expect(names(await directory.search({ country: 'KE', now: MONDAY_10_NAIROBI }))).toEqual(
			['Adults only', 'Kenya talk line', 'Office hours chat', 'Text line', 'Worldwide removal tool'].sort()
		);
	});
	it('by topic', async () => {
		expect(names(await directory.search({ country: 'KE', topic: 'sextortion' }))).toEqual(['Office hours chat', 'Worldwide removal tool']);
	});
	it('by action', async () => {
		expect(names(await directory.search({ country: 'KE', action: 'remove_image' }))).toEqual(['Worldwide removal tool']);
	});
	it('by age: 14 excludes adult-only services', async () => {
		expect(names(await directory.search({ country: 'KE', age: 14 }))).not.toContain('Adults only');
		expect(names(await directory.search({ country: 'KE', age: 30 }))).toEqual(['Adults only', 'Office hours chat', 'Text line'].sort());
	});
	it('by language', async () => {
		expect(names(await directory.search({ country: 'KE', language: 'sw' }))).toEqual(['Kenya talk line']);
	});
	it('by channel', async () => {
		expect(names(await directory.search({ country: 'KE', channel: 'sms' }))).toEqual(['Text line']);
		expect(names(await directory.search({ country: 'KE', channel: 'webchat' }))).toEqual(['Office hours chat']);
	});
	it('open now: weekday office hours are open on Monday morning and closed on Sunday', async () => {
		expect(names(await directory.search({ country: 'KE', openNow: true, now: MONDAY_10_NAIROBI }))).toContain('Office hours chat');
		const sunday = await directory.search({ country: 'KE', openNow: true, now: SUNDAY_10_NAIROBI });
		expect(names(sunday)).not.toContain('Office hours chat');
		expect(names(sunday)).toContain('Kenya talk line');
		const closed = (await directory.search({ country: 'KE', now: SUNDAY_10_NAIROBI })).find((r) => r.service.name.en === 'Office hours chat')!;
		expect(closed.open).toBe(false);
		expect(closed.channels[0].status.opensAt?.toISOString()).toBe('2026-11-23T06:00:00.000Z');
	});
	it('by text, in any language of the name', async () => {
		expect(names(await directory.search({ country: 'KE', q: 'mazungumzo' }))).toEqual(['Kenya talk line']);
		expect(names(await directory.search({ country: 'KE', q: '100%_' }))).toEqual([]);
	});
	it('open services come first', async () => {
		const rs = await directory.search({ country: 'KE', now: SUNDAY_10_NAIROBI });
		const firstClosed = rs.findIndex((r) => !r.open);
		expect(rs.slice(firstClosed).every((r) => !r.open)).toBe(true);
	});
	it('coverage counts active services per country, verified apart', async () => {
		const cov = await directory.coverage();
		const ke = cov.find((c) => c.country === 'KE')!;
		expect(ke.total).toBe(4); // the worldwide tool counts under ZZ
		expect(cov.find((c) => c.country === 'ZZ')?.total).toBe(1);
		expect(ke.verified).toBe(0);
		expect(ke.demo).toBe(0);
	});
});

describe('moderation', () => {
	it('only directory moderators covering every country of a service may add or change it', async () => {
		const keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const africaMod = await makeUser({ grants: [grant('directory_moderator', { region: 'africa' })] });
		const editor = await makeUser({ grants: [grant('editor')] });
		expect(await codeOf(directory.createService(editor, serviceInput()))).toBe('forbidden');
		expect(await codeOf(directory.createService(null, serviceInput()))).toBe('sign_in_required');
		expect(await codeOf(directory.createService(keMod, serviceInput({ countries: ['KE', 'UG'] })))).toBe('forbidden');
		expect(await codeOf(directory.createService(keMod, serviceInput({ countries: ['ZZ'] })))).toBe('forbidden');
		const id = await directory.createService(keMod, serviceInput());
		await directory.createService(africaMod, serviceInput({ countries: ['KE', 'UG'] }));
		// moving a Kenyan service to France needs a moderator for both
		expect(await codeOf(directory.updateService(keMod, id, serviceInput({ countries: ['FR'] })))).toBe('forbidden');
		await directory.updateService(keMod, id, serviceInput({ name: { en: 'Renamed' } }));
		const history = await identity.audit.list({ q: id });
		expect(history.map((h) => h.action)).toEqual(['service.update', 'service.create']);
		expect((history[0].before as { name: { en: string } }).name.en).toBe('Test Helpline');
		expect((history[0].after as { name: { en: string } }).name.en).toBe('Renamed');
	});

	it('bad input is refused whole, with the field named, and nothing is written', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const before = (await directory.search({ country: 'TZ' })).length;
		try {
			await directory.createService(mod, serviceInput({ countries: ['TZ'], channels: [{ type: 'phone', value: 'call me', hours: { timezone: 'Mars/Olympus', always: false, weekly: [], exceptions: [] } }] }));
			expect.unreachable();
		} catch (e) {
			expect((e as DomainError).status).toBe(400);
			expect(Object.keys((e as DomainError).fields).some((k) => k.startsWith('channels'))).toBe(true);
		}
		expect((await directory.search({ country: 'TZ' })).length).toBe(before);
	});

	it('anyone suggests a service; a moderator sees it, approves it and it appears', async () => {
		await db().delete(rateLimits);
		const id = await directory.suggestService(serviceInput({ name: { fr: 'Ligne suggérée' }, countries: ['SN'] }), 'Found on the ministry website', { ip: '203.0.113.1' });
		const national = async () => (await directory.search({ country: 'SN' })).filter((r) => !r.service.countries.includes('ZZ'));
		expect(await national()).toEqual([]);
		const [pending] = (await directory.pendingRequests()).filter((r) => r.id === id);
		expect(pending.kind).toBe('suggest_service');
		const senegalMod = await makeUser({ grants: [grant('directory_moderator', { country: 'SN' })] });
		const keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		expect(await codeOf(directory.decideRequest(keMod, id, { decision: 'approve' }))).toBe('forbidden');
		const { serviceId } = await directory.decideRequest(senegalMod, id, { decision: 'approve', note: 'checked' });
		expect((await national()).map((r) => r.service.id)).toEqual([serviceId]);
		expect(await codeOf(directory.decideRequest(senegalMod, id, { decision: 'reject' }))).toBe('request_already_decided');
	});

	it('anyone reports a problem; it is rate limited per address', async () => {
		await db().delete(rateLimits);
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ countries: ['GH'] }));
		for (let i = 0; i < 10; i++) await directory.reportProblem(id, { message: `The number does not work (${i})` }, { ip: '198.51.100.2' });
		expect(await codeOf(directory.reportProblem(id, { message: 'again' }, { ip: '198.51.100.2' }))).toBe('rate_limited');
		expect(await codeOf(directory.reportProblem(id, { message: '   ' }, { ip: '198.51.100.3' }))).toBe('invalid_input');
		expect(await codeOf(directory.reportProblem('00000000-0000-0000-0000-000000000000', { message: 'x' }, { ip: '198.51.100.3' }))).toBe('service_not_found');
	});

	it('a moderator marks an entry verified with the method; stale entries are flagged', async () => {
		const mod = await makeUser({ name: 'Grace Moderator', grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ countries: ['RW'] }));
		expect((await directory.needingVerification(1000)).map((s) => s.id)).toContain(id);
		await directory.verifyService(mod, id, { method: 'phoned', note: 'Called the line, it answered' });
		const found = await directory.getService(id);
		expect(found?.service.verifiedBy).toBe('COP Platform'); // the deployment verified it, not a named account
		expect(found?.service.verificationMethod).toBe('phoned');
		expect((await directory.needingVerification(1000)).map((s) => s.id)).not.toContain(id);
		expect(await codeOf(directory.verifyService(mod, id, { method: 'guessed' }))).toBe('invalid_input');
	});
});

describe('search pages', () => {
	it('"open now" is decided before paging, and pages split the rest in order', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const closedHours = { timezone: 'Africa/Lusaka', always: false, weekly: [{ day: 0, opens: '03:00', closes: '04:00' }], exceptions: [] };
		for (let i = 0; i < 6; i++) {
			await directory.createService(mod, serviceInput({ name: { en: `A closed ${i}` }, countries: ['ZM'], channels: [{ type: 'phone', value: '100', hours: closedHours }] }));
		}
		for (let i = 0; i < 3; i++) await directory.createService(mod, serviceInput({ name: { en: `Z open ${i}` }, countries: ['ZM'] }));
		const national = (r: directory.SearchResult) => !r.service.countries.includes('ZZ');
		// Monday 10:00 in Lusaka: the "A closed" services are closed
		const now = new Date(Date.UTC(2026, 10, 23, 8, 0));
		const openPage = await directory.searchPage({ country: 'ZM', openNow: true, now, page: 1, pageSize: 2 });
		expect(openPage.results.every((r) => r.open)).toBe(true);
		expect(openPage.results.filter(national).map((r) => r.service.name.en)).toEqual(['Z open 0', 'Z open 1']);
		const all1 = await directory.searchPage({ country: 'ZM', now, page: 1, pageSize: 4 });
		const all2 = await directory.searchPage({ country: 'ZM', now, page: 2, pageSize: 4 });
		expect(all1.total).toBe(all2.total);
		expect(all1.total).toBeGreaterThanOrEqual(9);
		const seen = [...all1.results, ...all2.results].map((r) => r.service.id);
		expect(new Set(seen).size).toBe(8);
	});

	it('counts matches only up to the cap, and says when there are more', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		for (let i = 0; i < 7; i++) await directory.createService(mod, serviceInput({ name: { en: `Capped ${i}` }, countries: ['MW'] }));
		const national = (p: directory.SearchPage) => p.results.filter((r) => !r.service.countries.includes('ZZ')).map((r) => r.service.name.en);
		const exact = await directory.searchPage({ country: 'MW', q: 'capped', pageSize: 3, countCap: 7 });
		expect(exact).toMatchObject({ total: 7, capped: false });
		const capped = await directory.searchPage({ country: 'MW', q: 'capped', pageSize: 3, countCap: 5 });
		expect(capped).toMatchObject({ total: 5, capped: true });
		// the cap bounds the count only: every page is still there, in order
		const pages = [];
		for (let page = 1; page <= 3; page++) pages.push(...national(await directory.searchPage({ country: 'MW', q: 'capped', page, pageSize: 3, countCap: 5 })));
		expect(pages).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Capped ${i}`));
		// "open now" counts the same way (a 24/7 service is open)
		expect(await directory.searchPage({ country: 'MW', q: 'capped', openNow: true, pageSize: 3, countCap: 5 })).toMatchObject({ total: 5, capped: true });
		expect(directory.COUNT_CAP).toBe(1000);
	});
});

describe('descriptions written per language (issue 15)', () => {
	const texts = async (id: string) => {
		const found = await directory.getService(id);
		return { description: found!.service.description, whatHappens: found!.service.whatHappens };
	};
	const historyOf = async (id: string) => (await identity.audit.list({ q: id })).map((h) => h.action);

	it('a moderator of the country writes Spanish and Arabic beside the English; other languages are kept; it is audited and help pages are dropped from the cache', async () => {
		const keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const id = await directory.createService(keMod, serviceInput({ description: { en: 'Counsellors listen.', sw: 'Washauri wanasikiliza.' }, whatHappens: { en: 'A counsellor answers.' } }));
		const cacheBefore = await readVersion('directory');
		const result = await directory.setServiceTexts(keMod, id, {
			description: { en: 'Counsellors listen.', es: '  Personas que escuchan.\r\nSin dar tu nombre.  ', ar: 'مستشارون يستمعون.' },
			whatHappens: { es: 'Te responde una persona.' }
		});
		expect(result).toEqual({ changed: true });
		expect(await texts(id)).toEqual({
			// trimmed, line ends as LF; Kiswahili (not in the form) untouched
			description: { en: 'Counsellors listen.', sw: 'Washauri wanasikiliza.', es: 'Personas que escuchan.\nSin dar tu nombre.', ar: 'مستشارون يستمعون.' },
			whatHappens: { en: 'A counsellor answers.', es: 'Te responde una persona.' }
		});
		expect(await readVersion('directory')).toBeGreaterThan(cacheBefore);
		const [entry] = await identity.audit.list({ q: id });
		expect(entry.action).toBe('service.texts');
		expect(entry.before).toEqual({ description: { en: 'Counsellors listen.', sw: 'Washauri wanasikiliza.' }, whatHappens: { en: 'A counsellor answers.' } });
		expect((entry.after as { description: Record<string, string> }).description.es).toBe('Personas que escuchan.\nSin dar tu nombre.');
		// the moderator's page lists it in the service's history
		expect((await directory.serviceHistory(keMod, id)).map((h) => h.action)).toEqual(['service.texts', 'service.create']);
	});

	it('an empty box removes that language; a language left out is unchanged; the same texts again write nothing', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ description: { en: 'English text', fr: 'Texte français' }, whatHappens: { en: 'Someone answers', fr: 'Quelqu’un répond' } }));
		await directory.setServiceTexts(mod, id, { description: { fr: '' }, whatHappens: { en: '   ' } });
		expect(await texts(id)).toEqual({ description: { en: 'English text' }, whatHappens: { fr: 'Quelqu’un répond' } });
		// "what happens" may go in every language (pages then say what a service of its kind does)
		await directory.setServiceTexts(mod, id, { whatHappens: { fr: '' } });
		expect((await texts(id)).whatHappens).toEqual({});
		const entries = (await historyOf(id)).length;
		expect(await directory.setServiceTexts(mod, id, { description: { en: 'English text', fr: '' }, whatHappens: {} })).toEqual({ changed: false });
		expect((await historyOf(id)).length).toBe(entries);
	});

	it('bad input is refused with the box named and nothing changes: control characters, too long, unknown language, last description removed', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const id = await directory.createService(mod, serviceInput({ description: { en: 'Only English' } }));
		const before = await texts(id);
		const entries = (await historyOf(id)).length;
		const refusal = async (input: unknown) => {
			try {
				await directory.setServiceTexts(mod, id, input);
			} catch (e) {
				expect((e as DomainError).status).toBe(400);
				return { code: (e as DomainError).code, fields: (e as DomainError).fields };
			}
			throw new Error('expected a refusal');
		};
		expect(await refusal({ description: { fr: 'Texte\u0000caché' } })).toEqual({ code: 'invalid_input', fields: { 'description.fr': 'control_characters' } });
		expect(await refusal({ whatHappens: { es: 'x'.repeat(4001) } })).toEqual({ code: 'invalid_input', fields: { 'whatHappens.es': 'text_too_long' } });
		expect(await refusal({ description: { es: 'Hola', de: 'Hallo' } })).toEqual({ code: 'invalid_input', fields: { 'description.de': 'locale_invalid' } });
		expect(await refusal({ description: { es: 42 } })).toEqual({ code: 'invalid_input', fields: { 'description.es': 'invalid_value' } });
		expect(await refusal({ summary: { en: 'x' } })).toEqual({ code: 'invalid_input', fields: { summary: 'invalid_value' } });
		expect(await refusal({ description: { en: '' }, whatHappens: { es: 'Alguien responde' } })).toEqual({ code: 'description_required', fields: { 'description.en': 'description_required' } });
		// 4000 characters is the limit, not over it
		await directory.setServiceTexts(mod, id, { whatHappens: { es: 'x'.repeat(4000) } });
		await directory.setServiceTexts(mod, id, { whatHappens: { es: '' } });
		expect(await texts(id)).toEqual(before);
		expect((await historyOf(id)).length).toBe(entries + 2);
	});

	it('is checked as updateService is: a moderator covering every country of the service, nobody else', async () => {
		const keMod = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const ugMod = await makeUser({ grants: [grant('directory_moderator', { country: 'UG' })] });
		const africaMod = await makeUser({ grants: [grant('directory_moderator', { region: 'africa' })] });
		const editor = await makeUser({ grants: [grant('editor')] });
		const id = await directory.createService(africaMod, serviceInput({ countries: ['KE', 'UG'], description: { en: 'Two countries' } }));
		const globalMod = await makeUser({ grants: [grant('directory_moderator')] });
		const worldwide = await directory.createService(globalMod, serviceInput({ countries: ['ZZ'], description: { en: 'Everywhere' } }));
		const change = { description: { es: 'Dos países' } };
		expect(await codeOf(directory.setServiceTexts(null, id, change))).toBe('sign_in_required');
		expect(await codeOf(directory.setServiceTexts(editor, id, change))).toBe('forbidden');
		expect(await codeOf(directory.setServiceTexts(keMod, id, change))).toBe('forbidden');
		expect(await codeOf(directory.setServiceTexts(ugMod, id, change))).toBe('forbidden');
		expect(await codeOf(directory.setServiceTexts(africaMod, worldwide, change))).toBe('forbidden');
		expect(await codeOf(directory.setServiceTexts(keMod, '00000000-0000-0000-0000-000000000000', change))).toBe('service_not_found');
		// refused before the input is read: a bad form from the wrong moderator is still "forbidden"
		expect(await codeOf(directory.setServiceTexts(keMod, id, { description: { xx: '\u0000' } }))).toBe('forbidden');
		expect((await texts(id)).description).toEqual({ en: 'Two countries' });
		await directory.setServiceTexts(africaMod, id, change);
		expect((await texts(id)).description).toEqual({ en: 'Two countries', es: 'Dos países' });
	});
});

describe('the help page\'s fixed parts (emergency numbers, languages) are kept per change of the directory', () => {
	it('reads them again after any write', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		expect((await directory.emergencyServices('MW')).map((e) => e.value)).toEqual([]);
		expect(await directory.languagesFor('MW')).not.toContain('ny');
		const id = await directory.createService(mod, serviceInput({ name: { en: 'Malawi emergency' }, kind: 'emergency', countries: ['MW'], languages: ['ny'], channels: [{ type: 'phone', value: '997', hours: { timezone: 'Africa/Blantyre', always: true, weekly: [], exceptions: [] } }] }));
		expect((await directory.emergencyServices('MW')).map((e) => e.value)).toEqual(['997']);
		expect(await directory.languagesFor('MW')).toContain('ny');
		// kept: the same answer while nothing changes
		expect(await directory.emergencyServices('MW')).toBe(await directory.emergencyServices('MW'));
		await directory.updateService(mod, id, serviceInput({ name: { en: 'Malawi emergency' }, kind: 'emergency', countries: ['MW'], languages: ['ny'], status: 'defunct', channels: [{ type: 'phone', value: '997', hours: { timezone: 'Africa/Blantyre', always: true, weekly: [], exceptions: [] } }] }));
		expect(await directory.emergencyServices('MW')).toEqual([]);
		expect(await directory.languagesFor('MW')).not.toContain('ny');
	});
});
