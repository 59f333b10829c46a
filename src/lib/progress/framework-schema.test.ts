// Framework files: the real content and the fixture load; broken files fail with file and reason.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkFramework } from './framework-schema';
import { contentFrameworkFiles, loadFrameworkFile, parseFramework } from '../server/progress/framework';
import { allQuestions, PILLARS } from './model';

describe('framework files', () => {
	it('every framework shipped in content/ is valid (five pillars, at least 15 indicators)', () => {
		const files = contentFrameworkFiles();
		expect(files.length).toBeGreaterThan(0);
		for (const f of files) {
			const fw = loadFrameworkFile(f);
			expect(fw.pillars.map((p) => p.id)).toEqual([...PILLARS]);
			expect(fw.pillars.flatMap((p) => p.indicators).length).toBeGreaterThanOrEqual(15);
			expect(allQuestions(fw).length).toBeGreaterThan(0);
		}
	});

	it('the test fixture is valid', () => {
		const fw = loadFrameworkFile({ path: 'fixture/1.json', text: readFileSync('src/lib/server/test/fixtures/progress/fixture-1.json', 'utf8') });
		expect(fw.key).toBe('fixture');
		expect(() => loadFrameworkFile({ path: 'fixture/2.json', text: readFileSync('src/lib/server/test/fixtures/progress/fixture-1.json', 'utf8') })).toThrow(
			/content\/progress\/frameworks\/fixture\/2\.json[\s\S]*file should be at <frameworks>\/fixture\/1\.json/
		);
	});

	it('fails loudly, naming the file and the reason', () => {
		const good = JSON.parse(readFileSync('src/lib/server/test/fixtures/progress/fixture-1.json', 'utf8'));
		expect(() => parseFramework('{ nope', 'bad.json')).toThrow(/bad\.json[\s\S]*not valid JSON/);
		const noFr = structuredClone(good);
		delete noFr.title.fr;
		expect(() => parseFramework(JSON.stringify(noFr), 'x/1.json')).toThrow(/x\/1\.json[\s\S]*title\.fr/);
		const swapped = structuredClone(good);
		swapped.pillars.reverse();
		expect(checkFramework(swapped)).toMatchObject({ ok: false, problems: [expect.stringMatching(/pillars: expected exactly legal/)] });
		const scoredText = structuredClone(good);
		scoredText.pillars[2].indicators[0].questions[1].weight = 1;
		expect(checkFramework(scoredText)).toMatchObject({ ok: false, problems: [expect.stringMatching(/text questions are not scored/)] });
		const dup = structuredClone(good);
		dup.pillars[1].indicators[0].questions[1].id = 'technical.hotline.exists';
		expect(checkFramework(dup)).toMatchObject({ ok: false, problems: [expect.stringMatching(/used twice/)] });
		const badLevels = structuredClone(good);
		badLevels.pillars[2].indicators[0].questions[0].levels.pop();
		expect(checkFramework(badLevels).ok).toBe(false);
	});
});
