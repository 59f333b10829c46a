// Progress helpers for tests (the progress module's, the public pages' and the report's): a small fixture framework and a way to
// seed real, published assessment rows through the same code the demo seed uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from '../db';
import type { Framework } from '../../progress/model';
import { parseFramework } from '../progress/framework';
import { answersAt, ensurePublishedFramework, insertAssessment, type AnswerSeed } from '../progress/seeding';

export { answersAt, ensurePublishedFramework, insertAssessment, type AnswerSeed };

const here = path.dirname(fileURLToPath(import.meta.url));

/** The small test framework (five pillars, every question type), version 1, key "fixture". */
export function fixtureFramework(version = 1): Framework {
	const file = path.join(here, 'fixtures', 'progress', 'fixture-1.json');
	const fw = parseFramework(readFileSync(file, 'utf8'), file);
	return { ...fw, version };
}

export interface SeedPublished {
	country: string;
	period: number;
	/** question id -> answer; default: every question answered at `level` */
	answers?: Record<string, AnswerSeed>;
	/** 0..1, used when `answers` is not given (default 0.5) */
	level?: number;
	isDemo?: boolean;
	/** framework to use; default: the fixture, published as version 1 if nothing is published */
	framework?: Framework;
}

/** Seeds one assessment whose answers are all accepted (published), and returns its id. */
export async function seedPublishedAssessment(d: Db | Tx, seed: SeedPublished): Promise<string> {
	const fw = await ensurePublishedFramework(d, seed.framework ?? fixtureFramework());
	return insertAssessment(d, fw, {
		country: seed.country,
		period: seed.period,
		answers: seed.answers ?? answersAt(fw, seed.level ?? 0.5),
		isDemo: seed.isDemo
	});
}
