// The demo library, the public views and the open data.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { parse } from '../platform/validate';
import { useFreshDatabase } from '../test/db';
import * as library from '.';
import { seedLibraryDemo } from './demo';

useFreshDatabase();

beforeAll(async () => {
	await db().transaction((tx) => seedLibraryDemo(tx));
});

const search = (q: Record<string, string>) => library.search(parse(library.SearchQuery, q));

describe('demo library and open data', () => {
	it('every demo document is marked as demo and searchable inside its PDF', async () => {
		const all = await search({});
		expect(all.total).toBeGreaterThanOrEqual(6);
		expect(all.items.every((i) => i.document.isDemo)).toBe(true);
		const inside = await search({ q: 'recommandations signalement' });
		expect(inside.items).toHaveLength(1);
		expect(inside.items[0].files[0]).toMatchObject({ language: 'fr', hasText: true });
		expect((await search({ q: '网络安全' })).total).toBe(1);
		expect((await search({ q: 'السلامة' })).total).toBe(1);
	});

	it('lists contributions newest meeting first', async () => {
		const rows = await library.listContributions();
		expect(rows.map((r) => r.meetingSession)).toEqual([2, 1]);
		expect(rows.every((r) => r.isDemo && r.submitterOrganisation?.includes('fictional'))).toBe(true);
	});

	it('open data has no people and links files by URL', async () => {
		const { items } = await search({ q: 'livestreaming' });
		expect(items).toHaveLength(1);
		const shown = library.presentOpenData(items[0].document, items[0].files);
		expect(shown).toMatchObject({ demo: true, type: 'guideline' });
		expect(shown.files[0].url).toMatch(/\/library\/files\/[0-9a-f-]{36}$/);
		expect(JSON.stringify(shown)).not.toMatch(/createdBy|created_by|@/);
	});
});
