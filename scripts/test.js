// `npm test`: the whole suite. Unit and database tests (Vitest), then a production build and the
// browser journeys (Playwright in Debian's Chromium). With DATABASE_URL set, both run on that
// PostgreSQL server instead of the embedded database.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.js';

function run(cmd, args, env = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status ?? 1;
}

function ensureChromium() {
	const found = chromiumPath();
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('Chromium not found: installing Debian\'s chromium package…');
		if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' }) === 0) {
			const installed = chromiumPath();
			if (installed) return installed;
		}
	}
	console.error('No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.');
	process.exit(1);
}

const bin = (name) => `node_modules/.bin/${name}`;
const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite';
const chromium = ensureChromium();

/** A step's outcome: its exit code, or null when it did not run because an earlier step failed. */
const skip = (name) => {
	console.log(`(not run: ${name} needs the steps before it to pass)`);
	return null;
};

console.log(`\n== Unit and database tests on ${where}`);
const unit = run(bin('vitest'), ['run']);

console.log('\n== Production build');
const build = unit === 0 ? run(bin('vite'), ['build', '--logLevel', 'warn']) : skip('the build');

// On PostgreSQL, the journeys whose behaviour rests on the database's own features (concurrent
// seats, text search configurations, the search query, several instances on one database, the
// stored row and suppressed aggregates of a child's answers, the validation flow, two federated
// instances each on a database of its own); every journey
// runs on the embedded database, and every database test (Vitest) runs on both. `E2E_ALL=1` runs them all on PostgreSQL too. See docs/decisions.md.
const ON_POSTGRES = ['busy-country', 'events', 'federation', 'help', 'library', 'operations', 'participation', 'progress'];
const journeys = process.env.DATABASE_URL && !process.env.E2E_ALL ? ON_POSTGRES.map((name) => `e2e/${name}.spec.ts`) : [];
console.log(`\n== Browser journeys in ${chromium} on ${where}${journeys.length ? ` (${ON_POSTGRES.join(', ')}; E2E_ALL=1 for all)` : ''}`);
const e2e = build === 0 ? run(bin('playwright'), ['test', ...journeys], { CHROMIUM_PATH: chromium }) : skip('the browser journeys');

const status = (code) => (code === null ? 'not run' : code === 0 ? 'passed' : 'FAILED');
console.log(`\nSummary (${where}): unit ${status(unit)}, build ${status(build)}, e2e ${status(e2e)}`);
process.exit([unit, build, e2e].some((code) => code !== 0) ? 1 : 0);
