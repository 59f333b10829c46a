// Hostile input never becomes a 500: every form and command answers with a domain error or succeeds.
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { Actor } from '../identity';
import { isDomainError } from '../platform/errors';
import { parse } from '../platform/validate';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as network from '.';
import { confirmedApplication } from './testing';

useFreshDatabase();
let reviewer: Actor;
let listed: string;
let token: string;

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	reviewer = await makeUser({ grants: [grant('network_reviewer', { region: 'africa' })] });
	const a = await confirmedApplication('partner', { countries: ['KE'] });
	listed = a.id;
	token = a.token;
	await network.acceptApplication(reviewer, listed);
});

const hostile = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ maxLength: 40, unit: 'grapheme' }),
	fc.constantFrom('', ' ', '0', '-1', 'KE', 'xx', 'partner', 'expert', 'law_policy', 'civil_society', 'javascript:alert(1)', 'https://', '<script>alert(1)</script>', "'; drop table network_applications; --", '\u0000', '../../etc/passwd', '%00', '🙂'.repeat(50), 'a'.repeat(10_000))
);
const formOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(hostile, fc.array(hostile, { maxLength: 4 }))])) as Record<string, fc.Arbitrary<string | string[]>>, { requiredKeys: [] });
const posted = (input: Record<string, string | string[] | undefined>) => {
	const values: Record<string, string> = {};
	for (const [k, v] of Object.entries(input)) if (v !== undefined) values[k] = Array.isArray(v) ? (v[0] ?? '') : v;
	return { values, all: (n: string) => (input[n] === undefined ? [] : Array.isArray(input[n]) ? (input[n] as string[]) : [input[n] as string]) };
};

async function onlyDomainErrors(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		if (!isDomainError(e)) throw e;
	}
}

const FORM = ['name', 'sector', 'contactName', 'email', 'about', 'countries', 'languages', 'topics', 'fields', 'public', 'links'];

describe('network boundary', () => {
	it('application forms: any posted strings give a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('partner', 'expert'), formOf(FORM), async (kind, values) => {
				await onlyDomainErrors(() => network.applyToNetwork(kind as 'partner' | 'expert', network.applicationFromForm(posted(values), 'en')));
			}),
			{ numRuns: 60 }
		);
	});

	it('the private link: any token and text give a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, formOf(FORM), async (t, values) => {
				await onlyDomainErrors(() => network.confirmApplication(t));
				await onlyDomainErrors(() => network.answerQuestion(t, { body: values.about }));
				await onlyDomainErrors(() => network.updateApplication(t, network.applicationFromForm(posted(values), 'en')));
				await onlyDomainErrors(() => network.updateApplication(token, network.applicationFromForm(posted(values), 'en')));
				await onlyDomainErrors(() => network.withdrawApplication(t));
				await onlyDomainErrors(async () => network.applicationByToken(t));
			}),
			{ numRuns: 30 }
		);
	});

	it('review and contact: any id and text give a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, hostile, hostile, async (id, text, email) => {
				await onlyDomainErrors(() => network.askApplicant(reviewer, id, { body: text }));
				await onlyDomainErrors(() => network.declineApplication(reviewer, id, { reason: text }));
				await onlyDomainErrors(() => network.acceptApplication(reviewer, id));
				await onlyDomainErrors(() => network.applicationForReviewer(reviewer, id));
				await onlyDomainErrors(() => network.contactMember(id, { name: text, email, message: text }));
				await onlyDomainErrors(() => network.contactMember(listed, { name: text, email, message: text }));
				await onlyDomainErrors(async () => network.getProfile('expert', id));
			}),
			{ numRuns: 30 }
		);
	});

	it('directory filters and the queue filter: any query gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(formOf(['kind', 'sector', 'field', 'topic', 'country', 'region', 'language', 'page', 'status']), async (raw) => {
				const q = posted(raw).values;
				await onlyDomainErrors(async () => network.listDirectory(parse(network.DirectoryQuery, q)));
				await onlyDomainErrors(async () => network.listDirectory({ ...parse(network.PartnerListQuery, q), kind: 'partner' }));
				await onlyDomainErrors(async () => network.listDirectory({ ...parse(network.ExpertListQuery, q), kind: 'expert' }));
				await onlyDomainErrors(async () => network.listForReviewer(reviewer, parse(network.QueueQuery, q).status));
			}),
			{ numRuns: 40 }
		);
	});
});
