// Describing an API endpoint from the valibot schemas its handler validates with, so the OpenAPI
// document cannot drift from what the code accepts. A module writes its endpoints in its own
// `openapi.ts` with `operation(...)` and the query schemas its handlers pass to `apiHandler`;
// `api/openapi.ts` collects every module's `ApiPaths` into one document.
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { LOCALES, REGIONS } from '$lib/geo';

type Json = Record<string, unknown>;

/** Query schemas are objects of optional (or required) string-read entries. */
export type QuerySchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/** One module's part of the document: path items (relative to /api/v1) and component schemas. */
export interface ApiPaths {
	paths: Record<string, Json>;
	schemas?: Record<string, Json>;
}

/** The JSON Schema of what a schema accepts after its transformations (a query `page` is an integer). */
export function jsonSchemaOf(schema: v.GenericSchema): Json {
	const { $schema: _drop, ...out } = toJsonSchema(schema, { typeMode: 'output', errorMode: 'ignore' }) as Json;
	return out;
}

/** OpenAPI parameters from a query (or path) object schema: one per entry, required unless optional. */
export function parametersOf(schema: QuerySchema, where: 'query' | 'path' = 'query'): Json[] {
	return Object.entries(schema.entries).map(([name, entry]) => {
		const optional = entry.type === 'optional' || entry.type === 'nullish';
		const { description, ...rest } = jsonSchemaOf(optional ? (entry as unknown as v.OptionalSchema<v.GenericSchema, unknown>).wrapped : entry);
		return { name, in: where, required: where === 'path' || !optional, ...(description ? { description } : {}), schema: rest };
	});
}

export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export interface OperationSpec {
	operationId: string;
	summary: string;
	description?: string;
	/** the schema the handler validates the query with (`apiHandler(query, ...)`) */
	query?: QuerySchema;
	/** path parameters, e.g. `v.object({ id: uuidParam('The service id') })` */
	path?: QuerySchema;
	security?: Json[];
	/** media type and schema of the 200 answer */
	ok: { description: string; type?: string; schema: Json };
	/** other answers by status, e.g. `{ 404: 'No such service' }`; a query adds 400 by itself */
	errors?: Record<number, string>;
}

/** An OpenAPI operation object from the handler's schemas. */
export function operation(spec: OperationSpec): Json {
	const errors: Record<number, string> = { ...spec.errors };
	if (spec.query) errors[400] ??= 'Bad parameter';
	return {
		operationId: spec.operationId,
		summary: spec.summary,
		...(spec.description ? { description: spec.description } : {}),
		...(spec.security ? { security: spec.security } : {}),
		parameters: [...(spec.path ? parametersOf(spec.path, 'path') : []), ...(spec.query ? parametersOf(spec.query) : [])],
		responses: {
			'200': { description: spec.ok.description, content: { [spec.ok.type ?? 'application/json']: { schema: spec.ok.schema } } },
			...Object.fromEntries(Object.entries(errors).map(([status, text]) => [status, problemResponse(text)]))
		}
	};
}

// ---------------------------------------------------------------- query parameter schemas

/** A whole number read from the query string, refused with `code` outside [min, max]. */
export const intParam = (min: number, max: number, code: string, description: string) =>
	v.pipe(v.string(), v.regex(/^\d{1,15}$/, code), v.toNumber(), v.number(), v.integer(code), v.minValue(min, code), v.maxValue(max, code), v.description(description));

/** A UUID read from the query string or path. */
export const uuidParam = (code: string, description: string) => v.pipe(v.string(), v.uuid(code), v.description(description));

/** `lang`: one of the six UN languages. */
export const langParam = v.pipe(v.picklist(LOCALES, 'lang_invalid'), v.description('Language of names (one of the six UN languages); English by default'));

/** `region`: an ITU region id. */
export const regionParam = v.pipe(v.picklist(REGIONS, 'region_invalid'), v.description('An ITU region'));
