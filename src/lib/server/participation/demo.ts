// First-run demonstration: one open consultation (the "find help online" campaign) and one closed
// one whose answers are SYNTHETIC, generated here by a seeded pseudo-random generator (never real
// children's answers). Both are flagged is_demo and shown as demo on screen.
import demo from '../../../../content/participation/demo.json' with { type: 'json' };
import type { Db, Tx } from '../db';
import { audit } from '../identity';
import type { LocaleMap } from '../../i18n/locale-map';
import type { Question, StoredAnswers } from '../../participation/types';
import { addDays, isoDay } from './rules';
import { consultations, responses } from './schema';
import { prng } from '../../prng';

function pick<T>(r: () => number, items: readonly T[], weights: readonly number[]): T {
	const total = weights.reduce((a, b) => a + b, 0);
	let x = r() * total;
	for (let i = 0; i < items.length; i++) if ((x -= weights[i]) < 0) return items[i];
	return items[items.length - 1];
}

/** Synthetic answers: group sizes chosen so the results page shows suppression (Rwanda and under-9 are small). */
export function syntheticResponses(seed = 2026): { ageBand: string; country: string; answers: StoredAnswers }[] {
	const r = prng(seed).next;
	const plan: [string, string, number][] = [
		['KE', '9-12', 64], ['KE', '13-18', 58], ['UG', '9-12', 31], ['UG', '13-18', 27],
		['TZ', '9-12', 22], ['TZ', '13-18', 25], ['RW', '13-18', 4], ['KE', 'under-9', 3]
	];
	const out: { ageBand: string; country: string; answers: StoredAnswers }[] = [];
	for (const [country, ageBand, n] of plan)
		for (let i = 0; i < n; i++) {
			const older = ageBand === '13-18';
			out.push({
				ageBand,
				country,
				answers: {
					safe: pick(r, ['1', '2', '3', '4', '5', 'prefer_not'], older ? [4, 8, 20, 30, 14, 3] : [3, 6, 15, 30, 25, 2]),
					...(r() < 0.92 ? { problem: pick(r, ['strangers', 'insults', 'spending', 'prefer_not'], older ? [40, 35, 20, 5] : [45, 25, 25, 5]) } : {})
				}
			});
		}
	return out;
}

/** Seeds both demo consultations (dates relative to `now`). */
export async function seedParticipationDemo(tx: Db | Tx, now = new Date()): Promise<void> {
	const today = isoDay(now);
	const o = demo.open;
	const [open] = await tx
		.insert(consultations)
		.values({
			title: o.title as LocaleMap,
			purpose: o.purpose as LocaleMap,
			campaignIntro: o.campaignIntro as LocaleMap,
			campaignSlug: o.campaignSlug,
			ageBands: o.ageBands,
			countries: o.countries,
			opensOn: addDays(today, -7),
			closesOn: addDays(today, 90),
			questions: o.questions as Question[],
			freeText: o.freeText,
			status: 'published',
			isDemo: true
		})
		.returning({ id: consultations.id });
	const c = demo.closed;
	const [closed] = await tx
		.insert(consultations)
		.values({
			title: c.title as LocaleMap,
			purpose: c.purpose as LocaleMap,
			response: c.response as LocaleMap,
			responsePublishedOn: addDays(today, -10),
			ageBands: c.ageBands,
			countries: c.countries,
			opensOn: addDays(today, -120),
			closesOn: addDays(today, -30),
			questions: c.questions as Question[],
			status: 'closed',
			retentionDays: 3650,
			isDemo: true
		})
		.returning({ id: consultations.id });
	const day = addDays(today, -60);
	await tx.insert(responses).values(syntheticResponses().map((s) => ({ ...s, consultationId: closed.id, submittedOn: day })));
	for (const id of [open.id, closed.id]) await audit.record(tx, null, { action: 'participation.demo', entityType: 'consultation', entityId: id });
}
