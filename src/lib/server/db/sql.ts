// Small helpers for hand-written SQL, shared by the modules that write it.

/** The rows of `db.execute(...)`: node-postgres and PGlite return { rows }, drizzle may return the array. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
	if (Array.isArray(result)) return result as Record<string, unknown>[];
	return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

/** `text` with LIKE's wildcards (and its escape character, backslash) escaped, to match literally. */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** A LIKE pattern that finds `text` anywhere: `%text%`, wildcards in the text escaped. */
export function containsPattern(text: string): string {
	return `%${escapeLike(text)}%`;
}
