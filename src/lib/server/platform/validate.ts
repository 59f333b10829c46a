// One way to check input at the boundary: a valibot schema in, typed data or a ValidationError out.
import * as v from 'valibot';
import { ValidationError } from './errors';

/** C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls: no text field needs them. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source, 'g');

/**
 * Text typed into a search box, made safe to search with: control characters dropped (a search
 * answers rather than refuses), spaces trimmed, at most `max` characters.
 */
export function searchText(q: string | null | undefined, max = 200): string {
	return (q ?? '').replace(EVERY_CONTROL_CHARACTER, '').trim().slice(0, max);
}

/** The dotted paths of every string in `input` that holds a control character. */
function controlCharacterFields(input: unknown, path: string[] = [], out: string[] = [], depth = 0): string[] {
	if (typeof input === 'string') {
		if (CONTROL_CHARACTERS.test(input)) out.push(path.join('.') || '_');
	} else if (input && typeof input === 'object' && depth < 8 && !(input instanceof Uint8Array) && !(input instanceof Blob)) {
		for (const [k, x] of Object.entries(input)) controlCharacterFields(x, [...path, k], out, depth + 1);
	}
	return out;
}

/**
 * Whether any string in a parsed JSON value, or any key, holds a control character, at any depth:
 * for data kept exactly as another system sent it (federation's HSDS records), where a NUL would
 * fail to be stored. Stops at the first; `parse` below reports every field of a form instead.
 */
export function hasControlCharacters(x: unknown): boolean {
	if (typeof x === 'string') return CONTROL_CHARACTERS.test(x);
	if (Array.isArray(x)) return x.some(hasControlCharacters);
	if (x && typeof x === 'object') return Object.entries(x).some(([k, val]) => CONTROL_CHARACTERS.test(k) || hasControlCharacters(val));
	return false;
}

/**
 * Parses `input` with `schema`; on failure throws ValidationError mapping each field to its message
 * code. Any string holding a control character (a NUL byte, an escape) is refused first: PostgreSQL
 * cannot store some of them, and none belongs in text a person typed.
 */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const bad = controlCharacterFields(input);
	if (bad.length) throw new ValidationError(Object.fromEntries(bad.map((k) => [k, 'control_characters'])));
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const fields: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = issue.path?.map((p) => String(p.key)).join('.') || '_';
		fields[key] ??= issue.message.startsWith('error_') || /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid_value';
	}
	throw new ValidationError(fields);
}
