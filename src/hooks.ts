import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// `/fr/help` is served by the `/help` route; the locale is read from the URL by Paraglide.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
