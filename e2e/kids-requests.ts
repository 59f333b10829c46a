// What a kids page may ask the server for, and a recorder of every request a browser context makes:
// shared by the kids zone's journeys (e2e/kids.spec.ts) and the children's courses (kids-courses.spec.ts).
import type { BrowserContext, Request, Response } from '@playwright/test';

export const LOCALE_PREFIX = '(?:/(?:fr|es|ru|zh|ar))?';
/** a kids page: the zone, a band, a scenario or course, a course's lesson or quiz */
export const KIDS_PAGE = new RegExp(`^${LOCALE_PREFIX}/kids(?:/[a-z0-9-]+){0,3}$`);
export const KIDS_MANIFEST = new RegExp(`^${LOCALE_PREFIX}/kids/manifest\\.webmanifest$`);
export const STATIC = /^\/(?:app\.css|favicon\.svg|quick-exit\.js|kids-sw\.js|kids\/[a-z0-9-]+\.(?:css|js|svg|png)|kids\/guide\/[a-z0-9-]+\.svg)$/;

/** Requests during play: only static files may appear (Chromium re-asks for the favicon on fragment navigations). */
export function notStatic(requests: Request[]): string[] {
	return requests.filter((r) => r.method() !== 'GET' || !STATIC.test(new URL(r.url()).pathname) || new URL(r.url()).search !== '').map((r) => `${r.method()} ${r.url()}`);
}

export interface Recorder {
	requests: Request[];
	responses: Response[];
	/** requests made after `mark()` */
	since: () => Request[];
	mark: () => void;
}

/** Records every request of a browser context (pages and service workers alike). */
export function record(context: BrowserContext): Recorder {
	const requests: Request[] = [];
	const responses: Response[] = [];
	let from = 0;
	context.on('request', (r) => requests.push(r));
	context.on('response', (r) => responses.push(r));
	return { requests, responses, since: () => requests.slice(from), mark: () => void (from = requests.length) };
}

/** What a kids page is allowed to ask the server for: kids pages, their manifest, static files. */
export function isAllowed(r: Request, origin: string): boolean {
	const u = new URL(r.url());
	if (u.origin !== origin || r.method() !== 'GET') return false;
	return (KIDS_PAGE.test(u.pathname) && u.search === '') || KIDS_MANIFEST.test(u.pathname) || STATIC.test(u.pathname);
}

