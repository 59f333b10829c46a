// directory_listings (migration 0030) is the help search's index: the search must find what the
// search before it found (test/search-reference.ts: every match of directory_services, sorted), in
// the same order, on every filter and page; keyset pages must walk that order; and the listings must
// follow every write, whoever makes it, because triggers write them.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generateDirectory } from '../../../../bench/generate-directory';
import { db, rowsOf } from '../db';
import { useFreshDatabase } from '../test/db';
import { serviceInput } from '../test/directory';
import { referenceSearch } from '../test/search-reference';
import { ACTIONS, CHANNEL_TYPES, TOPIC_IDS } from '../../directory/taxonomy';
import { decodeSearchKey, encodeSearchKey, insertServiceAsSystem, searchPage, type SearchParams } from '.';
import { channels, listings, services } from './schema';

useFreshDatabase();

const NOW = new Date('2026-12-02T09:30:00Z');
/** the ids of a page as shown (its open services first) */
const ids = async (params: SearchParams & { page?: number; pageSize?: number }) => (await searchPage({ ...params, now: NOW })).results.map((r) => r.service.id);
/** the page's services in SQL order (searchPage puts the open ones first within a page) */
async function keysOf(params: Parameters<typeof searchPage>[0]) {
	const found = await searchPage({ now: NOW, ...params });
	const order = await referenceSearch({ ...params, now: NOW });
	return { found, ids: found.results.map((r) => r.service.id).sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

describe('the help search on directory_listings', () => {
	let busy = '';
	it('setup: 1,500 synthetic services, and services without an English name, with equal names, national and worldwide', async () => {
		const gen = await generateDirectory({ count: 1500, seed: 16, batchSize: 500 });
		busy = Object.entries(gen.perCountry).filter(([c]) => c !== 'ZZ').sort((a, b) => b[1] - a[1])[0][0];
		await db().transaction(async (tx) => {
			for (const raw of [
				serviceInput({ name: { fr: 'Ligne sans nom anglais' }, countries: [busy] }),
				serviceInput({ name: { en: 'Same Name' }, countries: [busy] }),
				serviceInput({ name: { en: 'Same Name' }, countries: [busy] }),
				serviceInput({ name: { en: 'Both national and worldwide' }, countries: [busy, 'ZZ'] }),
				serviceInput({ name: { en: 'Closed and worldwide' }, countries: ['ZZ'], status: 'temporarily_closed' })
			])
				await insertServiceAsSystem(tx, raw, { isDemo: false });
		});
		// a worldwide service has one listing ('ZZ'), a defunct one none
		const rows = rowsOf(await db().execute(sql`select s.status, s.countries, array_agg(l.country order by l.country) filter (where l.country is not null) as listed
			from directory_services s left join directory_listings l on l.service_id = s.id group by s.id`));
		for (const r of rows) {
			const countries = r.countries as string[];
			const want = r.status === 'defunct' ? null : countries.includes('ZZ') ? ['ZZ'] : [...new Set(countries)].sort();
			expect(r.listed).toEqual(want);
		}
	});

	it('finds the same services in the same order as the search before it, for every filter', async () => {
		const countries = [busy, 'KE', 'FR', 'BR', 'JP'];
		const params: SearchParams[] = [];
		for (const country of countries) {
			params.push({ country }, { country, openNow: true }, { country, age: 8, openNow: true }, { country, q: 'synthetic' }, { country, q: 'écoute' }, { country, q: '00' });
			for (const topic of TOPIC_IDS) params.push({ country, topic });
			for (const action of ACTIONS) params.push({ country, action }, { country, action, age: 15 });
			for (const channel of CHANNEL_TYPES) params.push({ country, channel });
			for (const language of ['en', 'fr', 'sw', 'ar']) params.push({ country, language }, { country, language, openNow: true });
		}
		params.push({ country: busy, topic: 'grooming', language: 'en', channel: 'phone', age: 12, openNow: true });
		let nonEmpty = 0;
		for (const p of params) {
			const want = await referenceSearch({ ...p, now: NOW });
			const found = await searchPage({ ...p, now: NOW, pageSize: 500, countCap: 10_000 });
			const got = found.results.map((r) => r.service.id).sort((a, b) => want.indexOf(a) - want.indexOf(b));
			expect(new Set(got).size, JSON.stringify(p)).toBe(got.length);
			expect(got, JSON.stringify(p)).toEqual(want.slice(0, 500));
			expect(found.total, JSON.stringify(p)).toBe(want.length);
			if (want.length) nonEmpty++;
		}
		expect(nonEmpty).toBeGreaterThan(params.length / 2);
	});

	it('pages by key: Next and Previous walk the same order as page numbers, and a broken key is ignored', async () => {
		const p: SearchParams = { country: busy };
		const all = await referenceSearch(p);
		expect(all.length).toBeGreaterThan(30);
		const pageSize = 7;
		// forwards with `after`, from page 1 to the end
		let page = await keysOf({ ...p, pageSize });
		const walked: string[] = [...page.ids];
		const pages = [page];
		while (page.found.next) {
			const after = decodeSearchKey(page.found.next);
			expect(after).toBeDefined();
			page = await keysOf({ ...p, pageSize, page: pages.length + 1, after });
			walked.push(...page.ids);
			pages.push(page);
		}
		expect(walked).toEqual(all);
		expect(pages[0].found.previous).toBeNull();
		expect(pages.at(-1)!.found.next).toBeNull();
		// and back with `before`: each page as it was
		for (let i = pages.length - 1; i > 0; i--) {
			const back = await keysOf({ ...p, pageSize, page: i, before: decodeSearchKey(pages[i].found.previous)! });
			expect(back.ids).toEqual(pages[i - 1].ids);
		}
		// a page number without a key (a hand-made link) is read by offset: the same page
		expect((await keysOf({ ...p, pageSize, page: 3 })).ids).toEqual(pages[2].ids);
		// with a filter that leaves a few per page
		const filtered: SearchParams = { country: busy, language: 'en', openNow: true };
		const want = await referenceSearch({ ...filtered, now: NOW });
		const first = await keysOf({ ...filtered, pageSize: 7 });
		const second = await keysOf({ ...filtered, pageSize: 7, page: 2, after: decodeSearchKey(first.found.next)! });
		expect([...first.ids, ...second.ids]).toEqual(want.slice(0, 14));
		// keys are opaque, and anything else is no key at all
		for (const bad of ['', 'abc', encodeSearchKey({ rank: 99, sortName: 'x', serviceId: all[0] }), Buffer.from('[1,"x","not-a-uuid"]').toString('base64url'), 'x'.repeat(3000)])
			expect(decodeSearchKey(bad)).toBeUndefined();
		// a `before` key with nothing before it (the list changed): page 1 again
		const firstKey = decodeSearchKey(pages[0].found.next)!;
		const start = await searchPage({ ...p, pageSize: 50, page: 2, before: firstKey, now: NOW });
		expect(start.page).toBe(1);
		expect(start.previous).toBeNull();
	});

	it('follows every write to a service or its channels, whoever makes it', async () => {
		const id = await db().transaction((tx) =>
			insertServiceAsSystem(tx, serviceInput({ name: { en: 'Aaa First Line' }, countries: ['KE'], languages: ['en'], channels: [{ type: 'phone', value: '116', hours: { timezone: 'Africa/Nairobi', always: true, weekly: [], exceptions: [] } }] }), { isDemo: false })
		);
		const inKenya = async (p: Partial<SearchParams> = {}) => {
			const got = await ids({ country: 'KE', pageSize: 500, ...p });
			expect([...got].sort()).toEqual((await referenceSearch({ country: 'KE', ...p, now: NOW })).sort());
			return got.includes(id);
		};
		expect(await inKenya()).toBe(true);
		expect(await inKenya({ channel: 'sms' })).toBe(false);
		// a channel added, changed, removed
		await db().insert(channels).values({ serviceId: id, position: 1, type: 'sms', value: '21116', hours: { timezone: 'Africa/Nairobi', always: true, weekly: [], exceptions: [] } });
		expect(await inKenya({ channel: 'sms' })).toBe(true);
		await db().update(channels).set({ type: 'webchat', value: 'https://chat.example.org' }).where(eq(channels.position, 1));
		expect(await inKenya({ channel: 'sms' })).toBe(false);
		expect(await inKenya({ channel: 'webchat' })).toBe(true);
		await db().delete(channels).where(sql`${channels.serviceId} = ${id} and ${channels.position} = 1`);
		expect(await inKenya({ channel: 'webchat' })).toBe(false);
		// moved to Uganda, a language added, verified: listed there, in its new place
		await db().update(services).set({ countries: ['UG'], languages: ['en', 'lg'], verifiedAt: NOW }).where(eq(services.id, id));
		expect(await inKenya()).toBe(false);
		const uganda = await referenceSearch({ country: 'UG', language: 'lg', now: NOW });
		expect((await keysOf({ country: 'UG', language: 'lg', pageSize: 500 })).ids).toEqual(uganda);
		expect(uganda).toContain(id);
		const [row] = await db().select().from(listings).where(eq(listings.serviceId, id));
		expect(row).toMatchObject({ country: 'UG', rank: 0, sortName: 'Aaa First Line' });
		// closed, then defunct: last among active ones, then gone
		await db().update(services).set({ status: 'temporarily_closed' }).where(eq(services.id, id));
		expect((await db().select().from(listings).where(eq(listings.serviceId, id)))[0].rank).toBe(8);
		await db().update(services).set({ status: 'defunct' }).where(eq(services.id, id));
		expect(await db().select().from(listings).where(eq(listings.serviceId, id))).toEqual([]);
		// deleted: nothing left behind
		await db().update(services).set({ status: 'active' }).where(eq(services.id, id));
		expect(await db().select().from(listings).where(eq(listings.serviceId, id))).toHaveLength(1);
		await db().delete(services).where(eq(services.id, id));
		expect(await db().select().from(listings).where(eq(listings.serviceId, id))).toEqual([]);
	});
});
