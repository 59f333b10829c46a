// Synthetic national assessments for the progress bench: every ITU Member State (194 countries:
// the 193 of ITU_REGION_MEMBERS plus Palestine) x 10 periods, every question of the framework
// answered and accepted, plus a few roadmap actions per country. Deterministic (seeded PRNG).
import type { Db } from '../src/lib/server/db';
import { ITU_REGION_MEMBERS, REGIONS } from '../src/lib/geo';
import type { Framework } from '../src/lib/progress/model';
import { roadmapActions } from '../src/lib/server/progress/schema';
import { variedAnswers } from '../src/lib/server/progress/demo';
import { insertAssessment } from '../src/lib/server/progress/seeding';
import { refreshAllScores } from '../src/lib/server/progress/scores';

export function benchCountries(): string[] {
	return [...new Set(REGIONS.flatMap((r) => ITU_REGION_MEMBERS[r]))].sort();
}

export interface ProgressGeneration {
	countries: number;
	periods: number;
	assessments: number;
	answers: number;
	actions: number;
	insertMs: number;
	scoreMs: number;
}

export async function generateProgress(d: Db, fw: Framework, options: { periods: number; firstPeriod: number; log?: (s: string) => void }): Promise<ProgressGeneration> {
	const countries = benchCountries();
	const questions = fw.pillars.reduce((n, p) => n + p.indicators.reduce((m, i) => m + i.questions.length, 0), 0);
	const t0 = performance.now();
	let k = 0;
	for (const country of countries) {
		const base = ((k++ * 37) % 100) / 100;
		await d.transaction(async (tx) => {
			for (let p = 0; p < options.periods; p++) {
				const level = Math.min(1, base * 0.8 + p * 0.02);
				await insertAssessment(tx, fw, { country, period: options.firstPeriod + p, answers: variedAnswers(fw, level, country), status: 'accepted' }, { refresh: false });
			}
			await tx.insert(roadmapActions).values(
				[0, 1, 2, 3].map((j) => ({ country, title: `Synthetic action ${j + 1}`, status: (['done', 'in_progress', 'planned', 'done'] as const)[(j + k) % 4], progress: 50, indicatorIds: [] }))
			);
		});
		if (k % 50 === 0) options.log?.(`  ${k} / ${countries.length} countries written`);
	}
	const insertMs = performance.now() - t0;
	const t1 = performance.now();
	await d.transaction((tx) => refreshAllScores(tx, fw.version));
	const scoreMs = performance.now() - t1;
	return { countries: countries.length, periods: options.periods, assessments: countries.length * options.periods, answers: countries.length * options.periods * questions, actions: countries.length * 4, insertMs, scoreMs };
}
