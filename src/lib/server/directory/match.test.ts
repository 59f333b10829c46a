// matchesSearch (the help search's filters over one service in memory, used for federated services)
// must find exactly what the SQL search finds for the same services and the same filters.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { serviceInput, weekdays9to17 } from '../test/directory';
import { insertServiceAsSystem, matchesSearch, searchPage, ServiceInput, type SearchParams } from '.';

useFreshDatabase();

const always = (timezone: string) => ({ timezone, always: true, weekly: [], exceptions: [] });
const SERVICES = [
	serviceInput({ name: { en: 'Kenya Child Line' }, ageMax: 17 }),
	serviceInput({ name: { en: 'Nairobi Chat', fr: 'Discussion de Nairobi' }, topics: ['sextortion'], languages: ['en', 'sw'], channels: [{ type: 'webchat', value: 'https://chat.example.org', hours: weekdays9to17('Africa/Nairobi') }] }),
	serviceInput({ name: { en: 'Report Abuse Images' }, kind: 'reporting_hotline', countries: ['ZZ'], actions: ['report_illegal_content'], topics: ['sexual_abuse_exploitation'], ageMin: 18 }),
	serviceInput({ name: { en: 'Closed Line' }, status: 'temporarily_closed', ageMin: 10, ageMax: 14 }),
	serviceInput({ name: { en: 'Gone Line' }, status: 'defunct' }),
	serviceInput({ name: { en: 'Uganda Line' }, countries: ['UG'], organization: { name: { en: 'Kampala Trust' } } }),
	serviceInput({ name: { en: 'Evening SMS' }, languages: ['sw'], channels: [{ type: 'sms', value: '21000', hours: { timezone: 'Africa/Nairobi', always: false, weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '18:00', closes: '22:00' })), exceptions: [] } }] }),
	serviceInput({ name: { en: 'Web Form' }, channels: [{ type: 'webform', value: 'https://form.example.org', hours: always('UTC') }], topics: ['sextortion', 'grooming'] })
];

// a Wednesday, 10:00 in Nairobi (07:00 UTC): the chat is open, the evening SMS is not
const NOW = new Date('2026-12-02T07:00:00Z');
const PARAMS: SearchParams[] = [
	{ country: 'KE' },
	{ country: 'UG' },
	{ country: 'KE', topic: 'sextortion' },
	{ country: 'KE', action: 'report_illegal_content' },
	{ country: 'KE', language: 'sw' },
	{ country: 'KE', age: 8 },
	{ country: 'KE', age: 12 },
	{ country: 'KE', age: 30 },
	{ country: 'KE', channel: 'sms' },
	{ country: 'KE', q: 'nairobi' },
	{ country: 'KE', q: 'NAIROBI' },
	{ country: 'UG', q: 'kampala' },
	{ country: 'KE', openNow: true },
	{ country: 'KE', openNow: true, language: 'sw' },
	{ country: 'KE', openNow: true, age: 12, topic: 'sextortion' }
];

describe('matchesSearch agrees with the SQL help search', () => {
	it('finds the same services for every filter', async () => {
		const ids = new Map<string, string>();
		for (const raw of SERVICES) ids.set(await db().transaction((tx) => insertServiceAsSystem(tx, raw, { isDemo: false })), (raw.name as { en: string }).en);
		const inputs = SERVICES.map((raw) => v.parse(ServiceInput, raw));
		for (const params of PARAMS) {
			const found = await searchPage({ ...params, now: NOW, pageSize: 100 });
			const fromSql = found.results.map((r) => ids.get(r.service.id)).sort();
			const inMemory = inputs.filter((s) => matchesSearch(s, params, NOW)).map((s) => s.name.en).sort();
			expect(inMemory, JSON.stringify(params)).toEqual(fromSql);
		}
		// and the filters do narrow: what "open now" in Swahili and an age of 12 keep
		const names = (params: SearchParams) => inputs.filter((s) => matchesSearch(s, params, NOW)).map((s) => s.name.en).sort();
		expect(names({ country: 'KE', openNow: true, language: 'sw' })).toEqual(['Nairobi Chat']);
		expect(names({ country: 'KE', age: 12 })).toEqual(['Closed Line', 'Evening SMS', 'Kenya Child Line', 'Nairobi Chat', 'Web Form']);
	});
});
