import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as network from '.';
import { confirmedApplication } from './testing';

useFreshDatabase();
let reviewer: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	reviewer = await makeUser({ grants: [grant('network_reviewer')] });
	const make = async (key: string, kind: 'partner' | 'expert', overrides: Record<string, unknown>) => {
		ids[key] = (await confirmedApplication(kind, overrides)).id;
		await network.acceptApplication(reviewer, ids[key]);
	};
	await make('ngoKenya', 'partner', { name: 'Alpha NGO', sector: 'civil_society', countries: ['KE'], languages: ['sw'], topics: ['contact'] });
	await make('telcoFrance', 'partner', { name: 'Beta Telecom', sector: 'industry', countries: ['FR'], languages: ['fr'], topics: ['content'] });
	await make('openExpert', 'expert', { name: 'Gamma Expert', fields: ['education'], countries: ['BR'], languages: ['pt'], topics: ['be_kind'], publicFields: ['countries', 'languages', 'topics', 'bio'] });
	await make('privateExpert', 'expert', { name: 'Delta Expert', fields: ['education'], countries: ['BR'], languages: ['pt'], topics: ['be_kind'], publicFields: [] });
	ids.pending = (await confirmedApplication('partner', { name: 'Epsilon Pending', countries: ['KE'] })).id;
});

const names = async (q: Parameters<typeof network.listDirectory>[0]) => (await network.listDirectory(q)).items.map((a) => a.name);

describe('network directory', () => {
	it('lists accepted members only, by name', async () => {
		expect(await names({})).toEqual(['Alpha NGO', 'Beta Telecom', 'Delta Expert', 'Gamma Expert']);
	});

	it('filters by kind, sector, field, topic, country, region and language', async () => {
		expect(await names({ kind: 'partner' })).toEqual(['Alpha NGO', 'Beta Telecom']);
		expect(await names({ sector: 'industry' })).toEqual(['Beta Telecom']);
		expect(await names({ sector: 'industry', kind: 'expert' })).toEqual([]);
		expect(await names({ field: 'education' })).toEqual(['Delta Expert', 'Gamma Expert']);
		expect(await names({ country: 'KE' })).toEqual(['Alpha NGO']);
		expect(await names({ region: 'africa' })).toEqual(['Alpha NGO']);
		expect(await names({ region: 'europe' })).toEqual(['Beta Telecom']);
		expect(await names({ language: 'fr' })).toEqual(['Beta Telecom']);
		expect(await names({ topic: 'contact' })).toEqual(['Alpha NGO']);
	});

	it("never filters on what an expert keeps private (it would reveal it)", async () => {
		expect(await names({ country: 'BR' })).toEqual(['Gamma Expert']);
		expect(await names({ language: 'pt' })).toEqual(['Gamma Expert']);
		expect(await names({ topic: 'be_kind' })).toEqual(['Gamma Expert']);
		expect(await names({ region: 'americas' })).toEqual(['Gamma Expert']);
	});

	it('presents public fields only: no address, no contact person, hidden expert fields empty', async () => {
		const hidden = (await network.getProfile('expert', ids.privateExpert))!;
		const shown = network.presentProfile(hidden, 'en');
		expect(shown.countries).toEqual([]);
		expect(shown.about).toBe('');
		expect(JSON.stringify(shown)).not.toContain('@example.org');
		const open = network.presentExpertOpenData(hidden);
		expect(open.countries).toBeNull();
		expect(open.bio).toBeNull();
		const partner = network.presentPartnerOpenData((await network.getProfile('partner', ids.ngoKenya))!);
		expect(JSON.stringify(partner)).not.toMatch(/@example\.org|Ada Contact/);
		expect(await network.getProfile('partner', ids.pending)).toBeNull();
	});

	it('counts the queue in scope', async () => {
		expect((await network.queueCounts(reviewer)).pending).toBe(1);
	});
});
