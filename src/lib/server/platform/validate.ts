// One way to check input at the boundary: a valibot schema in, typed data or a ValidationError out.
import * as v from 'valibot';
import { ValidationError } from './errors';

/** Parses `input` with `schema`; on failure throws ValidationError mapping each field to its message code. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const fields: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = issue.path?.map((p) => String(p.key)).join('.') || '_';
		fields[key] ??= issue.message.startsWith('error_') || /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid_value';
	}
	throw new ValidationError(fields);
}

/** Turns FormData into a plain object of strings (files and repeated keys are left to the caller). */
export function formObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !Object.hasOwn(out, key)) out[key] = value;
	return out;
}

/** Reads a posted form; a body that is not a readable form is a 400, never a crash. */
export async function readForm(request: Request): Promise<Record<string, string>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new ValidationError({ _: 'form_unreadable' }, 'form_unreadable');
	}
	return formObject(form);
}
