// Keeps progress_scores, the published scores, in step with the accepted answers. Called inside
// the transaction of every accept, reopen and framework publication, so what the public reads
// never disagrees with what was validated.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import * as cache from '../platform/cache';
import { regionOf } from '../../geo';
import type { Framework, ScoringAnswer } from '../../progress/model';
import { scoreAssessment } from '../../progress/scoring';
import { findFramework, scoredVersions } from './framework';
import { answers, assessments, scores } from './schema';

/** Published answers of some assessments: accepted, and not private. */
async function publishedAnswers(tx: Db | Tx, assessmentIds: string[]) {
	if (!assessmentIds.length) return new Map<string, Map<string, ScoringAnswer>>();
	const rows = await tx
		.select({
			assessmentId: answers.assessmentId,
			questionId: answers.questionId,
			value: answers.value,
			notApplicable: answers.notApplicable,
			confidentiality: answers.confidentiality
		})
		.from(answers)
		.where(and(inArray(answers.assessmentId, assessmentIds), eq(answers.status, 'accepted'), ne(answers.confidentiality, 'private')));
	const byAssessment = new Map<string, Map<string, ScoringAnswer>>();
	for (const r of rows) {
		let m = byAssessment.get(r.assessmentId);
		if (!m) byAssessment.set(r.assessmentId, (m = new Map()));
		m.set(r.questionId, { value: r.value ?? null, notApplicable: r.notApplicable, hidden: r.confidentiality === 'aggregate_only' });
	}
	return byAssessment;
}

/**
 * Recomputes the published scores of the given assessments under the given framework versions
 * (default: every published or retired version). An assessment with no published answer has no row.
 */
export async function refreshScores(tx: Db | Tx, assessmentIds: string[], versions?: number[]): Promise<number> {
	if (!assessmentIds.length) return 0;
	// accept, reopen and publication all rescore here: the public dashboards change
	await cache.invalidate(tx, 'progress');
	const vs = versions ?? (await scoredVersions(tx));
	const heads = await tx
		.select({ id: assessments.id, country: assessments.country, period: assessments.period, isDemo: assessments.isDemo })
		.from(assessments)
		.where(inArray(assessments.id, assessmentIds));
	const published = await publishedAnswers(tx, assessmentIds);
	let written = 0;
	for (const version of vs) {
		const fw = await findFramework(tx, version);
		if (!fw) continue;
		await tx.delete(scores).where(and(inArray(scores.assessmentId, assessmentIds), eq(scores.frameworkVersion, version)));
		const rows = heads.flatMap((h) => {
			const given = published.get(h.id);
			if (!given?.size) return [];
			return [scoreRow(fw, h, given)];
		});
		for (let i = 0; i < rows.length; i += 500) await tx.insert(scores).values(rows.slice(i, i + 500));
		written += rows.length;
	}
	return written;
}

function scoreRow(fw: Framework, h: { id: string; country: string; period: number; isDemo: boolean }, given: Map<string, ScoringAnswer>) {
	const s = scoreAssessment(fw, given);
	return {
		assessmentId: h.id,
		frameworkVersion: fw.version,
		country: h.country,
		region: regionOf(h.country) ?? 'none',
		period: h.period,
		overall: s.overall,
		tier: s.tier,
		pillars: s.pillars,
		// a hidden indicator's score never leaves the server
		indicators: s.indicators.map((i) => (i.hidden ? { id: i.id, score: null, hidden: true } : i)),
		isDemo: h.isDemo,
		computedAt: new Date()
	};
}

/** Recomputes every assessment under one version (after publishing it, or on an admin's request). */
export async function refreshAllScores(tx: Db | Tx, version: number): Promise<number> {
	const ids = (await tx.select({ id: assessments.id }).from(assessments)).map((r) => r.id);
	let n = 0;
	for (let i = 0; i < ids.length; i += 200) n += await refreshScores(tx, ids.slice(i, i + 200), [version]);
	return n;
}
