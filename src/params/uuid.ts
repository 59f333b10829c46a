// `[id=uuid]`: a route parameter that is not a UUID never reaches the route, it is a plain 404.
import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/uuid';

export const match: ParamMatcher = (param) => isUuid(param);
