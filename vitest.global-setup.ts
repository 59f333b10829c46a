// Vitest runs without the Paraglide Vite plugin (it keeps Vitest from exiting), so compile the
// messages once here, in a child process (the compiler's own handles would also keep Vitest alive).
import { spawnSync } from 'node:child_process';

export default function setup() {
	const r = spawnSync(
		process.execPath,
		['node_modules/@inlang/paraglide-js/bin/run.js', 'compile', '--project', './project.inlang', '--outdir', './src/lib/paraglide', '--strategy', 'url', 'baseLocale'],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
	if (r.status !== 0) throw new Error('Paraglide compile failed');
}
