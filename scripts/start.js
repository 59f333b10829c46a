// `npm start`: build if the sources changed since the last build, then serve.
// The server itself migrates the database, seeds demo content on the first run and creates the
// first admin (see src/lib/server/startup.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const STAMP = 'build/.built-at';
const SOURCES = ['src', 'messages', 'static', 'content', 'drizzle', 'project.inlang/settings.json', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(p) {
	if (!existsSync(p)) return 0;
	const st = statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const entry of readdirSync(p)) {
		if (p === 'src' && entry === 'lib') {
			// skip generated Paraglide output inside src/lib
			for (const e of readdirSync('src/lib')) if (e !== 'paraglide') max = Math.max(max, newest(path.join('src/lib', e)));
			continue;
		}
		max = Math.max(max, newest(path.join(p, entry)));
	}
	return max;
}

const stale = !existsSync(STAMP) || Math.max(...SOURCES.map(newest)) > statSync(STAMP).mtimeMs;
if (stale) {
	console.log('Building COP Platform (first start or sources changed)…');
	const vite = path.join('node_modules', '.bin', 'vite');
	const r = spawnSync(vite, ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (r.status !== 0) {
		console.error('Build failed: see the messages above.');
		process.exit(r.status ?? 1);
	}
	writeFileSync(STAMP, new Date().toISOString());
}

process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
const shownHost = process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? 'localhost' : process.env.HOST;
process.env.ORIGIN ??= `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '12M';

// scripts/serve.js: build/index.js plus the static-file headers
await import(pathToFileURL(path.join(root, 'scripts', 'serve.js')).href);
console.log(`\n  COP Platform is running at ${process.env.ORIGIN}\n  Database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${process.env.DATA_DIR ?? './data'}`}\n`);
