// `npm run translations -- export <set> <lang> [--po] [--out file]`
// `npm run translations -- import <file> [--status machine-assisted|translated|reviewed] [--by "Name"] [--skip-stale] [--dry-run]`
// `npm run translations -- sets`
// Export writes an XLIFF 2.0 (or PO, for UI messages) file for a translation team. Import checks the
// whole file against the content in this checkout and writes every changed file or none; commit
// the result and let it be reviewed like code. See docs/translation.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTranslation, exportSet, listSets, readRepoFiles, writeRepoFiles } from '../src/lib/server/translations/index';
import { locales, type Locale } from '../src/lib/paraglide/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
	const i = args.indexOf(name);
	if (i < 0) return undefined;
	const v = args[i + 1];
	args.splice(i, 2);
	return v;
};
const has = (name: string) => {
	const i = args.indexOf(name);
	if (i >= 0) args.splice(i, 1);
	return i >= 0;
};

function usage(): never {
	console.error('usage: npm run translations -- sets | export <set> <lang> [--po] [--out file] | import <file> [--status s] [--by "Name"] [--at YYYY-MM-DD] [--skip-stale] [--dry-run]');
	process.exit(2);
}

const files = readRepoFiles(root);
const cmd = args.shift();
if (cmd === 'sets') {
	for (const s of listSets(files)) console.log(`${s.id}\t${s.title}`);
} else if (cmd === 'export') {
	const out = flag('--out');
	const po = has('--po');
	const [set, lang] = args;
	if (!set || !lang) usage();
	if (!(locales as readonly string[]).includes(lang)) {
		console.error(`unknown language "${lang}" (${locales.join(', ')})`);
		process.exit(2);
	}
	try {
		const file = exportSet(files, set, lang as Locale, po ? 'po' : 'xliff');
		if (out) {
			writeFileSync(out, file.body);
			console.error(`wrote ${out}`);
		} else process.stdout.write(file.body);
	} catch (e) {
		console.error((e as Error).message);
		process.exit(1);
	}
} else if (cmd === 'import') {
	const status = flag('--status') as 'machine-assisted' | 'translated' | 'reviewed' | undefined;
	const by = flag('--by');
	const at = flag('--at');
	const skipStale = has('--skip-stale');
	const dryRun = has('--dry-run');
	const [file] = args;
	if (!file) usage();
	if (status && !['machine-assisted', 'translated', 'reviewed'].includes(status)) {
		console.error('--status must be machine-assisted, translated or reviewed');
		process.exit(2);
	}
	const r = checkTranslation(files, readFileSync(file, 'utf8'), { status, by, at, skipStale });
	console.log(`${file}: ${r.format ?? '?'} for set ${r.set ?? '?'}, language ${r.lang ?? '?'}: ${r.units} units, ${r.changed} changed, ${r.unchanged} unchanged, ${r.untranslated} untranslated, ${r.stale} stale`);
	if (r.problems.length) {
		for (const p of r.problems) console.error(`  ${p.segment ?? '(file)'}${p.line ? ` (line ${p.line})` : ''}: ${p.reason}`);
		console.error(`refused: ${r.problems.length} problem(s); nothing was written`);
		process.exit(1);
	}
	const names = Object.keys(r.writes).sort();
	if (dryRun) console.log(`dry run: would write ${names.length} file(s)`);
	else writeRepoFiles(root, r.writes);
	for (const n of names) console.log(`  ${dryRun ? 'would write' : 'wrote'} ${n}`);
	if (!names.length) console.log('nothing to change');
} else usage();
