// Content files as data: a map from a path relative to a content root ("guidelines/x/set.json")
// to the file's text. Built from the bundled index in production and from a folder in tests and
// scripts, so every loader validates the same thing whatever the source.

/** path (with "/" separators, relative to a content root) -> file text */
export type ContentFiles = Readonly<Record<string, string>>;

/** The files under `prefix` ("learn", "progress/frameworks"), with the prefix removed. */
export function subtree(files: ContentFiles, prefix: string): ContentFiles {
	const p = prefix.replace(/\/+$/, '') + '/';
	const out: Record<string, string> = {};
	for (const [k, text] of Object.entries(files)) if (k.startsWith(p)) out[k.slice(p.length)] = text;
	return out;
}

/** The immediate sub-folders of `dir` ("" for the root), sorted. */
export function folders(files: ContentFiles, dir = ''): string[] {
	const p = dir ? dir.replace(/\/+$/, '') + '/' : '';
	const out = new Set<string>();
	for (const k of Object.keys(files)) {
		if (!k.startsWith(p)) continue;
		const rest = k.slice(p.length).split('/');
		if (rest.length > 1 && !rest[0].startsWith('.')) out.add(rest[0]);
	}
	return [...out].sort();
}

/** The file names directly in `dir` ending with `ext`, sorted. */
export function filesIn(files: ContentFiles, dir: string, ext: string): string[] {
	const p = dir ? dir.replace(/\/+$/, '') + '/' : '';
	return Object.keys(files)
		.filter((k) => k.startsWith(p) && !k.slice(p.length).includes('/') && k.endsWith(ext))
		.map((k) => k.slice(p.length))
		.sort();
}

/** Whether anything lives under `dir`. */
export function hasFolder(files: ContentFiles, dir: string): boolean {
	const p = dir.replace(/\/+$/, '') + '/';
	return Object.keys(files).some((k) => k.startsWith(p));
}
