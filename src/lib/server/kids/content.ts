// Loads the kids' scenarios from content/kids/scenarios/*.json (bundled at build time) and refuses
// the whole set if any file is invalid, listing every problem: broken content must fail the build
// and the content test, never half-render in front of a child.
import { BANDS, type Band } from '$lib/kids/bands';
import { parseScenario, type Scenario } from './format';

const files = import.meta.glob('/content/kids/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export class KidsContentError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Kids content is invalid:\n- ${problems.join('\n- ')}`);
		this.name = 'KidsContentError';
	}
}

/** Validates a set of files (path -> parsed JSON). Throws KidsContentError listing every problem. */
export function loadScenarios(input: Record<string, unknown>): Scenario[] {
	const problems: string[] = [];
	const out: Scenario[] = [];
	const seen = new Set<string>();
	for (const [file, raw] of Object.entries(input).sort(([a], [b]) => a.localeCompare(b))) {
		const { scenario, errors } = parseScenario(raw, file);
		problems.push(...errors);
		if (!scenario) continue;
		if (seen.has(scenario.id)) problems.push(`${file}: id "${scenario.id}" is used twice`);
		seen.add(scenario.id);
		out.push(scenario);
	}
	if (problems.length) throw new KidsContentError(problems);
	return out;
}

let cache: Scenario[] | null = null;

/** Every scenario shipped with the platform, validated once per process. */
export function allScenarios(): Scenario[] {
	cache ??= loadScenarios(files);
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
