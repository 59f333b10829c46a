// Any other path under /api/v1 (an unknown endpoint, or an id that is not a UUID): a JSON 404
// problem document, as API clients expect, instead of the HTML error page.
import { NotFound } from '$lib/server/platform/errors';
import { problem } from '$lib/server/platform/edge';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = () => problem(new NotFound());
