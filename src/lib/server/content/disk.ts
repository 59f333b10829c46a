// Reads a content folder from disk into the same shape as the bundled index. For tests (which
// break a copy of the fixtures one file at a time) and for scripts run outside Vite; the running
// server never reads the working directory for content.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentFiles } from './files';

/** Every .md and .json file under `root`, keyed by its "/"-separated path relative to `root`. */
export function readContentDir(root: string): ContentFiles {
	const out: Record<string, string> = {};
	const walk = (dir: string, rel: string) => {
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir)) {
			if (name.startsWith('.')) continue;
			const full = path.join(dir, name);
			const key = rel ? `${rel}/${name}` : name;
			if (statSync(full).isDirectory()) walk(full, key);
			else if (/\.(md|json)$/.test(name)) out[key] = readFileSync(full, 'utf8');
		}
	};
	walk(root, '');
	return out;
}
