// The progress bench (in-process): 194 countries x 10 periods with every question of the starter
// framework answered and validated; times the world and regional roll-ups the public dashboards
// make, a country dashboard's data load, and (for comparison) computing one period's country
// scores from the answers on read. Run alone with `npx tsx bench/progress.ts`, or as a step of
// `npm run bench`. Writes its section of docs/performance.md between progress markers.
import { and, eq } from 'drizzle-orm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate, openDatabase, useDatabase, type Db } from '../src/lib/server/db';
import * as progress from '../src/lib/server/progress';
import { installContentFrameworks } from '../src/lib/server/progress/demo';
import { answers, assessments } from '../src/lib/server/progress/schema';
import { scoreAssessment } from '../src/lib/progress/scoring';
import type { ScoringAnswer } from '../src/lib/progress/model';
import { regionOf } from '../src/lib/geo';
import { generateProgress, type ProgressGeneration } from './generate-progress';
import { mdTable, percentile, ROOT, textTable, type Row } from './lib';

const PERIODS = 10;
const FIRST = 2016;
const ROUNDS = 30;
const TARGET_MS = 100;
const DOC = path.join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:progress:start -->';
const END = '<!-- bench:progress:end -->';

export interface Timing {
	what: string;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	target: string;
}

export interface ProgressBenchResults {
	database: string;
	generation: ProgressGeneration;
	timings: Timing[];
	date: string;
}

async function time(what: string, fn: (i: number) => Promise<unknown>, target = true): Promise<Timing> {
	await fn(0); // warm-up
	const xs: number[] = [];
	for (let i = 1; i <= ROUNDS; i++) {
		const t = performance.now();
		await fn(i);
		xs.push(performance.now() - t);
	}
	const r = (x: number) => Math.round(x * 10) / 10;
	const p95 = percentile(xs, 95);
	return { what, p50Ms: r(percentile(xs, 50)), p95Ms: r(p95), maxMs: r(Math.max(...xs)), target: target ? (p95 < TARGET_MS ? 'ok' : 'MISSED') : '' };
}

/** Scores every country of one period from its accepted answers, as a compute-on-read design would. */
async function scoreOnRead(d: Db, period: number) {
	const fw = await progress.getFramework(d);
	const rows = await d
		.select({ country: assessments.country, questionId: answers.questionId, value: answers.value, notApplicable: answers.notApplicable, confidentiality: answers.confidentiality })
		.from(answers)
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(and(eq(assessments.period, period), eq(answers.status, 'accepted')));
	const by = new Map<string, Map<string, ScoringAnswer>>();
	for (const r of rows) {
		if (r.confidentiality === 'private') continue;
		let m = by.get(r.country);
		if (!m) by.set(r.country, (m = new Map()));
		m.set(r.questionId, { value: r.value ?? null, notApplicable: r.notApplicable, hidden: r.confidentiality === 'aggregate_only' });
	}
	return [...by.entries()].map(([c, m]) => ({ c, s: scoreAssessment(fw, m) }));
}

export async function runProgressBench(log: (s: string) => void = console.log): Promise<ProgressBenchResults> {
	const url = process.env.DATABASE_URL || undefined;
	const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
	await migrate(database);
	useDatabase(database);
	try {
		const d = database.db;
		const fw = await d.transaction((tx) => installContentFrameworks(tx));
		if (!fw) throw new Error('no framework under content/progress/frameworks');
		log(`Generating ${PERIODS} periods of assessments for every ITU Member State (framework ${fw.key} ${fw.version})…`);
		const generation = await generateProgress(d, fw, { periods: PERIODS, firstPeriod: FIRST, log });
		log(`  ${generation.assessments} assessments, ${generation.answers} answers in ${Math.round(generation.insertMs)} ms; scored in ${Math.round(generation.scoreMs)} ms`);
		if (database.kind === 'pglite') await d.execute((await import('drizzle-orm')).sql`vacuum analyze`);
		const last = FIRST + PERIODS - 1;
		const countries = (await progress.publishedCountryResults(d, { period: last })).map((r) => r.country);
		const timings: Timing[] = [];
		timings.push(await time(`world + 6 regions, one period (${last})`, () => progress.publishedAggregates(d, { period: last })));
		timings.push(await time(`world + 6 regions, all ${PERIODS} periods (trend)`, () => progress.publishedAggregates(d)));
		timings.push(await time('one region: its countries, one period', (i) => progress.publishedCountryResults(d, { period: last, region: regionOf(countries[i % countries.length])! })));
		timings.push(await time('roadmap completion, world', () => progress.roadmapCompletion(d, { scope: 'world' })));
		timings.push(
			await time('country dashboard data (results over 10 periods, region and world trend, roadmap, legal measures, framework)', (i) => {
				const c = countries[(i * 7) % countries.length];
				return Promise.all([
					progress.getFramework(d),
					progress.publishedCountryResults(d, { country: c }),
					progress.publishedAggregates(d),
					progress.roadmapCompletion(d, { scope: c }),
					progress.legalMeasures(d, { countries: [c] })
				]);
			})
		);
		timings.push(await time(`open data: every observation as SDMX-CSV`, async () => progress.toSdmxCsv(await progress.observations(d)), false));
		timings.push(await time(`for comparison: scoring one period's ${countries.length} countries from their answers on read`, () => scoreOnRead(d, last), false));
		const results = { database: database.kind, generation, timings, date: new Date().toISOString() };
		log(textTable(timings as unknown as Row[], ['what', 'p50Ms', 'p95Ms', 'maxMs', 'target']));
		return results;
	} finally {
		useDatabase(undefined);
		await database.close();
	}
}

export function progressMarkdown(r: ProgressBenchResults): string {
	const g = r.generation;
	return [
		`_Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.database === 'pglite' ? 'embedded PGlite (in memory)' : 'PostgreSQL'}; ${ROUNDS} runs of each after one warm-up; target p95 < ${TARGET_MS} ms._`,
		'',
		`Data: ${g.countries} countries x ${g.periods} periods = ${g.assessments} assessments, ${g.answers.toLocaleString('en')} answers, every one accepted; ${g.actions} roadmap actions. Writing them took ${Math.round(g.insertMs / 1000)} s; scoring every assessment into \`progress_scores\` took ${Math.round(g.scoreMs)} ms.`,
		'',
		mdTable(r.timings as unknown as Row[], ['what', 'p50Ms', 'p95Ms', 'maxMs', 'target']),
		'',
		'Roll-ups read the stored scores (`progress_scores`, one row per assessment and framework version, refreshed in the transaction of every accept, reopen and framework publication); the last row shows what scoring from the answers on every read would cost instead (see decisions.md).'
	].join('\n');
}

export function updateProgressDoc(r: ProgressBenchResults): void {
	const block = `${START}\n${progressMarkdown(r)}\n${END}`;
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
	const a = doc.indexOf(START);
	const b = doc.indexOf(END);
	if (a !== -1 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + END.length);
	else doc = `${doc.trimEnd()}\n\n## Progress roll-ups at 194 countries x 10 periods\n\n${block}\n`;
	writeFileSync(DOC, doc);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const r = await runProgressBench();
	updateProgressDoc(r);
	process.exit(0);
}
