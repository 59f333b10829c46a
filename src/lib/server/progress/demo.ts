// First-run content for the progress module: the framework versions shipped under content/ are
// stored and the newest published, then a few demonstration assessments are seeded so the
// dashboards have something to show. Every demo row is flagged is_demo and shown as demo data;
// demo answers carry no law citations (we never invent a country's laws).
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db';
import { allQuestions, type AnswerValue, type Framework } from '../../progress/model';
import { contentFrameworkFiles, FRAMEWORKS_PATH, loadFrameworkFile, type FrameworkFile } from './framework';
import { roadmapActions } from './schema';
import { ensurePublishedFramework, insertAssessment, type AnswerSeed } from './seeding';

/** Stores every framework file in content/ (or `files`) and publishes the newest version. Returns it (null when none). */
export async function installContentFrameworks(tx: Db | Tx, files: FrameworkFile[] = contentFrameworkFiles()): Promise<Framework | null> {
	if (!files.length) return null;
	const frameworks = files.map(loadFrameworkFile).sort((a, b) => a.version - b.version);
	let latest: Framework | null = null;
	for (const fw of frameworks) latest = await ensurePublishedFramework(tx, fw, `${FRAMEWORKS_PATH}/${fw.key}/${fw.version}.json`);
	return latest;
}

/** A number in [0,1) from a string: the same country and question always get the same answer. */
function unit(s: string): number {
	return createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
}

/** Answers around `level`, varied per question (deterministic), so countries differ by pillar. */
export function variedAnswers(fw: Framework, level: number, salt: string): Record<string, AnswerSeed> {
	const out: Record<string, AnswerSeed> = {};
	for (const { pillar, question: q } of allQuestions(fw)) {
		const tilt = (unit(`${salt}:${pillar.id}`) - 0.5) * 0.5 + (unit(`${salt}:${q.id}`) - 0.5) * 0.4;
		const l = Math.min(1, Math.max(0, level + tilt));
		let value: AnswerValue;
		switch (q.type) {
			case 'yes_partial_no':
				value = l >= 0.66 ? 'yes' : l >= 0.33 ? 'partial' : 'no';
				break;
			case 'maturity':
				value = Math.round(l * 4);
				break;
			case 'number':
				value = Math.round((q.target ?? 100) * l);
				break;
			case 'percent':
				value = Math.round(100 * l);
				break;
			case 'multi_select':
				value = (q.options ?? []).filter((o) => unit(`${salt}:${q.id}:${o.id}`) < l).map((o) => o.id);
				break;
			case 'date':
				value = null;
				break;
			default:
				value = null;
		}
		const notApplicable = value === null;
		out[q.id] = { value, notApplicable, comment: notApplicable ? 'Demonstration data' : null };
	}
	return out;
}

/** Demo countries: three or more in Africa and Europe (so their aggregates show), two in Asia-Pacific (suppressed). */
export const DEMO_COUNTRIES: { country: string; level: number }[] = [
	{ country: 'KE', level: 0.62 },
	{ country: 'GH', level: 0.48 },
	{ country: 'SN', level: 0.35 },
	{ country: 'RW', level: 0.55 },
	{ country: 'EE', level: 0.8 },
	{ country: 'PT', level: 0.68 },
	{ country: 'IE', level: 0.72 },
	{ country: 'CZ', level: 0.58 },
	{ country: 'PH', level: 0.5 },
	{ country: 'FJ', level: 0.3 }
];
export const DEMO_PERIODS = [2024, 2025] as const;

export async function seedProgressDemo(tx: Db | Tx, files?: FrameworkFile[]): Promise<void> {
	const fw = await installContentFrameworks(tx, files);
	if (!fw) return;
	for (const period of DEMO_PERIODS) {
		for (const { country, level } of DEMO_COUNTRIES) {
			const growth = period === 2025 ? 0.08 : 0;
			const answers = variedAnswers(fw, level + growth, `${country}`);
			// one answer per country is aggregate-only, to show the confidentiality rule at work
			const first = allQuestions(fw).find((x) => x.question.weight > 0 && unit(`${country}:conf:${x.question.id}`) < 0.2);
			if (first) answers[first.question.id] = { ...answers[first.question.id], confidentiality: 'aggregate_only' };
			// the latest period shows the cycle at different stages
			let status: AnswerSeed['status'] = 'accepted';
			if (period === 2025 && country === 'SN') status = 'draft';
			if (period === 2025 && country === 'IE') status = 'submitted';
			await insertAssessment(tx, fw, { country, period, answers, status, isDemo: true });
		}
	}
	const indicators = fw.pillars.flatMap((p) => p.indicators.map((i) => i.id));
	const pick = (s: string, n: number) => indicators.filter((i) => unit(`${s}:${i}`) < n / indicators.length).slice(0, 3);
	const actions = DEMO_COUNTRIES.flatMap(({ country }, k) =>
		(['done', 'in_progress', 'planned', 'done', 'cancelled'] as const).slice(0, 2 + (k % 4)).map((status, j) => ({
			country,
			title: `Demonstration action ${j + 1}`,
			description: 'Demonstration data: not a real plan of this country.',
			owner: 'Demonstration',
			dueOn: `${2025 + (j % 2)}-${String(3 + j * 2).padStart(2, '0')}-30`,
			status,
			progress: status === 'done' ? 100 : status === 'in_progress' ? 40 + j * 10 : 0,
			indicatorIds: pick(`${country}:${j}`, 2),
			completedAt: status === 'done' ? new Date() : null,
			promptDismissedAt: new Date(),
			isDemo: true
		}))
	);
	if (actions.length) await tx.insert(roadmapActions).values(actions);
}
