// The edge between HTTP and the modules: one way for every form action and JSON API handler to
// read a body, validate it, call a command and turn a refusal into a clear 4xx in the reader's
// language. Routes stay thin: `save: formAction(async ({ values }, { locals }) => module.saveX(locals.actor, values))`.
import { error, fail, json, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorText } from '$lib/i18n/errors';
import { isDomainError, RateLimited, ValidationError, type DomainError } from './errors';
import { parse } from './validate';

/** What a posted form holds, read once: the first string of each field, repeated fields, files. */
export interface PostedForm {
	/** first string value of each field (what the form shows again on failure) */
	values: Record<string, string>;
	/** every string value of a repeated field (checkboxes, multi-selects) */
	all(name: string): string[];
	/** every non-empty file posted under `name` */
	files(name: string): File[];
	/** the FormData itself, for forms with dynamic field names */
	raw: FormData;
}

/** What a failed action returns to its page: a code per field, the sentence, and what was typed. */
export interface ActionFailureData {
	error: string;
	message: string;
	fields: Record<string, string>;
	values: Record<string, string>;
	/** every value of each field, so checkboxes and multi-selects come back as they were ticked */
	lists: Record<string, string[]>;
	/** a refused file's problems, one sentence each (a framework or course file), when the error lists them */
	problems?: string[];
}

/** Passwords (`password`, `current`), tokens, secrets and codes are never sent back to the browser. */
const SECRET_FIELD = /password|token|secret|code$|^current$/i;

/** Fields never sent back to the browser after a failure. */
function keepTyped(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));
}

/** Reads a posted form; anything that is not a readable form body is a 400 `form_unreadable`. */
export async function readPostedForm(request: Request): Promise<PostedForm> {
	let raw: FormData;
	try {
		raw = await request.formData();
	} catch {
		throw new ValidationError({ _: 'form_unreadable' }, 'form_unreadable');
	}
	const values: Record<string, string> = {};
	for (const [key, value] of raw) if (typeof value === 'string' && !Object.hasOwn(values, key)) values[key] = value;
	return {
		values,
		raw,
		all: (name) => raw.getAll(name).filter((x): x is string => typeof x === 'string'),
		files: (name) => raw.getAll(name).filter((x): x is File => typeof x !== 'string' && x.size > 0)
	};
}

/** Every string value of each field of a form, for fields that may repeat. */
export function listsOf(raw: FormData): Record<string, string[]> {
	// own keys only: a field named "constructor" or "__proto__" must not reach Object.prototype
	const lists: Record<string, string[]> = Object.create(null);
	for (const [key, value] of raw) if (typeof value === 'string') (Object.hasOwn(lists, key) ? lists[key] : (lists[key] = [])).push(value);
	return { ...lists };
}

/** A domain error as the data of `fail()`: status, code, per-field codes, the sentence, what was typed. */
export function failure(e: DomainError, values: Record<string, string> = {}, lists: Record<string, string[]> = {}): ActionFailure<ActionFailureData> {
	const data: ActionFailureData = { error: e.code, message: errorText(e.code), fields: e.fields, values: keepTyped(values), lists: Object.fromEntries(Object.entries(lists).filter(([k]) => !SECRET_FIELD.test(k))) };
	const problems = (e as { problems?: unknown }).problems;
	if (Array.isArray(problems)) data.problems = problems.map(String);
	return fail(e.status, data);
}

/**
 * In a `load` (or a GET that serves a page-like answer): a domain error becomes the error page with
 * its status and code; anything else propagates.
 *
 *     const d = await progress.assessmentDetail(locals.actor, params.id).catch(rethrowAsPage);
 */
export function rethrowAsPage(e: unknown): never {
	if (isDomainError(e)) error(e.status, e.code);
	throw e;
}


/**
 * A SvelteKit form action. Reads the form (400 if unreadable), optionally validates `form.values`
 * with `schema`, runs `run`, and maps domain errors (ValidationError, Forbidden, NotFound, ...) to
 * `fail(status, { error, message, fields, values })`. Redirects and Kit errors pass through; any
 * other error is a bug and propagates to the 500 handler.
 *
 *     save: formAction(async (form, { locals }) => ({ id: await events.saveEvent(locals.actor, form.values) }))
 *     save: formAction(SaveInput, async (input, { locals }, form) => ...)
 */
export function formAction<R, E extends RequestEvent = RequestEvent>(
	run: (form: PostedForm, event: E) => Promise<R> | R
): (event: E) => Promise<R | ActionFailure<ActionFailureData>>;
export function formAction<S extends v.GenericSchema, R, E extends RequestEvent = RequestEvent>(
	schema: S,
	run: (input: v.InferOutput<S>, event: E, form: PostedForm) => Promise<R> | R
): (event: E) => Promise<R | ActionFailure<ActionFailureData>>;
export function formAction(a: unknown, b?: unknown) {
	const schema = (b ? a : null) as v.GenericSchema | null;
	const run = (b ?? a) as (input: unknown, event: RequestEvent, form?: PostedForm) => unknown;
	return async (event: RequestEvent) => {
		let form: PostedForm | null = null;
		try {
			form = await readPostedForm(event.request);
			return schema ? await run(parse(schema, form.values), event, form) : await run(form, event);
		} catch (e) {
			if (isDomainError(e)) return failure(e, form?.values ?? {}, form ? listsOf(form.raw) : {});
			throw e;
		}
	};
}

/** A JSON problem document (RFC 9457) for a domain error, with the sentence in the reader's language. */
export function problem(e: DomainError): Response {
	const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
	if (e instanceof RateLimited) headers['Retry-After'] = String(e.retryAfterSeconds);
	const body = {
		type: 'about:blank',
		title: errorText(e.code),
		status: e.status,
		code: e.code,
		fields: e.fields,
		// kept for clients written against the first API version
		error: { status: e.status, code: e.code, fields: e.fields }
	};
	return new Response(JSON.stringify(body), { status: e.status, headers });
}

/** Reads a JSON body; a body that is not JSON is a 400 `json_unreadable`. */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new ValidationError({ _: 'json_unreadable' }, 'json_unreadable');
	}
}

/** The first value of each search parameter, as a plain object for a query schema. */
export function queryObject(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of params) if (!Object.hasOwn(out, key)) out[key] = value;
	return out;
}

/**
 * A JSON API handler. `run` returns a Response or a value (sent as JSON); domain errors become
 * problem+json with their status. With `query`, the URL's search parameters are validated first
 * (first value of each name) and passed as the input.
 *
 *     export const GET = apiHandler(ListQuery, async (query, { locals }) => events.listPublic(query));
 */
export function apiHandler<E extends RequestEvent = RequestEvent>(run: (event: E) => Promise<unknown> | unknown): (event: E) => Promise<Response>;
export function apiHandler<S extends v.GenericSchema, E extends RequestEvent = RequestEvent>(
	query: S,
	run: (input: v.InferOutput<S>, event: E) => Promise<unknown> | unknown
): (event: E) => Promise<Response>;
export function apiHandler(a: unknown, b?: unknown) {
	const schema = (b ? a : null) as v.GenericSchema | null;
	const run = (b ?? a) as (x: unknown, e?: RequestEvent) => unknown;
	return async (event: RequestEvent) => {
		try {
			const out = schema ? await run(parse(schema, queryObject(event.url.searchParams)), event) : await run(event);
			return out instanceof Response ? out : json(out);
		} catch (e) {
			if (isDomainError(e)) return problem(e);
			throw e;
		}
	};
}
