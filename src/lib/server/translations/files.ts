// Where the repository's translatable files come from: the bundled content index and messages in
// the running server (read-only), or a checkout on disk for the command line and tests. Writing is
// only ever done by the command line, all files or none.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadBundledContent } from '../content';
import { readContentDir } from '../content/disk';
import type { RepoFiles } from './sets';

function globbedMessages(): Record<string, string> | undefined {
	try {
		const raw: Record<string, string> = import.meta.glob('/messages/*.json', { query: '?raw', import: 'default', eager: true });
		return Object.fromEntries(Object.entries(raw).map(([k, t]) => [k.replace(/^\//, ''), t]));
	} catch {
		return undefined;
	}
}

let bundled: RepoFiles | undefined;

/** The files the server was built with (content/ and messages/), keyed by repository path. */
export async function bundledRepoFiles(): Promise<RepoFiles> {
	if (bundled) return bundled;
	const content = await loadBundledContent();
	const messages = globbedMessages() ?? readMessages(new URL('../../../../', import.meta.url).pathname);
	const out: Record<string, string> = { ...messages };
	for (const [k, t] of Object.entries(content)) out[`content/${k}`] = t;
	return (bundled = out);
}

function readMessages(root: string): Record<string, string> {
	const dir = path.join(root, 'messages');
	const out: Record<string, string> = {};
	if (!existsSync(dir)) return out;
	for (const n of readdirSync(dir)) if (n.endsWith('.json')) out[`messages/${n}`] = readFileSync(path.join(dir, n), 'utf8');
	return out;
}

/** A checkout's content/ and messages/ read from disk. */
export function readRepoFiles(root: string): RepoFiles {
	const out: Record<string, string> = readMessages(root);
	for (const [k, t] of Object.entries(readContentDir(path.join(root, 'content')))) out[`content/${k}`] = t;
	return out;
}

/**
 * Writes every file or none: each goes to a temporary file beside its target first; only when all
 * are written are they renamed into place (a rename is atomic on one file system).
 */
export function writeRepoFiles(root: string, writes: Record<string, string>): void {
	const staged: [string, string][] = [];
	try {
		for (const [rel, text] of Object.entries(writes)) {
			const target = path.resolve(root, rel);
			if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`refusing to write outside the repository: ${rel}`);
			mkdirSync(path.dirname(target), { recursive: true });
			const tmp = `${target}.${process.pid}.tmp`;
			writeFileSync(tmp, text, 'utf8');
			staged.push([tmp, target]);
		}
	} catch (e) {
		for (const [tmp] of staged) rmSync(tmp, { force: true });
		throw e;
	}
	for (const [tmp, target] of staged) renameSync(tmp, target);
}
