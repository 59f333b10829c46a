// Loads the kids' scenarios from content/kids/scenarios/*.json (the bundled content index) and
// refuses the whole set if any file is invalid, listing every problem: broken content must fail the
// build and the content test, never half-render in front of a child.
import { BANDS, type Band } from '$lib/kids/bands';
import { bundledContent, ContentError, filesIn, parseJsonText, type ContentFiles, type ContentProblem } from '../content';
import { parseScenario, type Scenario } from './format';

/** The scenario files of the bundled content (path under content/ -> text). */
function scenarioFiles(): ContentFiles {
	const all = bundledContent();
	return Object.fromEntries(filesIn(all, 'kids/scenarios', '.json').map((n) => [`content/kids/scenarios/${n}`, all[`kids/scenarios/${n}`]]));
}

/** Validates a set of files (path -> JSON text, or already parsed JSON). Throws ContentError listing every problem. */
export function loadScenarios(input: Record<string, unknown>): Scenario[] {
	const problems: ContentProblem[] = [];
	const out: Scenario[] = [];
	const seen = new Set<string>();
	for (const [file, value] of Object.entries(input).sort(([a], [b]) => a.localeCompare(b))) {
		let raw = value;
		try {
			if (typeof value === 'string') raw = parseJsonText(value);
		} catch (e) {
			problems.push({ file, reason: (e as Error).message });
			continue;
		}
		const { scenario, errors } = parseScenario(raw, file);
		problems.push(...errors.map((e) => ({ file, reason: e.startsWith(`${file}: `) ? e.slice(file.length + 2) : e })));
		if (!scenario) continue;
		if (seen.has(scenario.id)) problems.push({ file, reason: `id "${scenario.id}" is used twice` });
		seen.add(scenario.id);
		out.push(scenario);
	}
	if (problems.length) throw new ContentError(problems);
	return out;
}

let cache: Scenario[] | null = null;

/** Every scenario shipped with the platform, validated once per process. */
export function allScenarios(): Scenario[] {
	cache ??= loadScenarios(scenarioFiles());
	return cache;
}

export function scenariosFor(band: Band): Scenario[] {
	return allScenarios().filter((s) => s.band === band);
}

export function findScenario(band: Band, id: string): Scenario | null {
	return allScenarios().find((s) => s.band === band && s.id === id) ?? null;
}

/** Every kids page path (without locale prefix): what the service worker may keep offline. */
export function kidsPaths(): string[] {
	return ['/kids', ...BANDS.map((b) => `/kids/${b}`), ...allScenarios().map((s) => `/kids/${s.band}/${s.id}`)];
}
