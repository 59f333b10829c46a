// Hostile input never becomes a 500: a posted self-assessment (anonymous or saved) answers with a
// result or a domain error, whatever the field names and values.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { isDomainError } from '../platform/errors';
import { makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as toolkits from '.';

useFreshDatabase();
let owner: Actor;
let savedId: string;
const sports = () => toolkits.getToolkit('sports');

beforeAll(async () => {
	owner = await makeUser();
	savedId = await toolkits.saveAssessment(owner, { toolkitId: 'sports', answers: {} });
});

const hostile = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ maxLength: 40, unit: 'grapheme' }),
	fc.constantFrom('', ' ', 'yes', 'partly', 'no', 'not_applicable', 'high', '2027-01-31', '2027-02-30', 'NaN', '<script>alert(1)</script>', "'; drop table toolkits_saved_assessments; --", '\u0000', '\u202e', '../../etc/passwd', '%00', '🙂'.repeat(50), 'a'.repeat(10_000), '__proto__', 'constructor')
);

/** field names a real form has, plus hostile ones */
function fieldNames() {
	const t = sports();
	const practices = t.themes.flatMap((th) => th.practices.map((p) => p.id));
	const recs = t.themes.flatMap((th) => th.recommendations.map((r) => r.id));
	return fc.oneof(
		fc.constantFrom(...practices.map((p) => `a_${p}`)),
		fc.constantFrom(...recs.flatMap((r) => [`priority_${r}`, `owner_${r}`, `due_${r}`, `notes_${r}`])),
		fc.constantFrom('organisation', 'a___proto__', 'a_constructor', 'priority___proto__', 'a_', 'owner_'),
		fc.string({ maxLength: 30 }).map((s) => `a_${s}`),
		fc.string({ maxLength: 30 })
	);
}
const postedForm = () => fc.dictionary(fieldNames(), hostile, { maxKeys: 25 });

async function onlyDomainErrors(run: () => unknown) {
	try {
		await run();
	} catch (e) {
		if (!isDomainError(e)) throw e;
		expect(e.status).toBeLessThan(500);
	}
}

describe('toolkits boundary', () => {
	it('the anonymous result: any posted form gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, postedForm(), async (toolkitId, values) => {
				await onlyDomainErrors(() => {
					const a = toolkits.readAssessment(toolkits.assessmentFromForm('sports', values));
					toolkits.presentResult(a.toolkit, a);
				});
				await onlyDomainErrors(() => toolkits.readAssessment(toolkits.assessmentFromForm(toolkitId, values)));
			}),
			{ numRuns: 200 }
		);
	});

	it('saving and updating: any posted form gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(postedForm(), async (values) => {
				await onlyDomainErrors(() => toolkits.updateAssessment(owner, savedId, toolkits.assessmentFromForm('sports', values)));
			}),
			{ numRuns: 60 }
		);
	});

	it('ids: any string gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, async (id) => {
				await onlyDomainErrors(() => toolkits.getOwnAssessment(owner, id));
				await onlyDomainErrors(() => toolkits.deleteAssessment(owner, id === savedId ? 'x' : id));
				await onlyDomainErrors(() => toolkits.getToolkit(id));
			}),
			{ numRuns: 60 }
		);
	});

	it('a structured input (the API shape) of any JSON gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (json) => {
				await onlyDomainErrors(() => toolkits.readAssessment(json));
				await onlyDomainErrors(() => toolkits.readAssessment({ toolkitId: 'sports', answers: json, plan: json }));
			}),
			{ numRuns: 200 }
		);
	});
});
