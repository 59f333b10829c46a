// Cross-site request forgery: a state-changing form post must come from our own pages.
// Browsers send `Origin: null` under our no-referrer policy, so a null origin is accepted only
// with `Sec-Fetch-Site: same-origin`, which the browser sets itself and a page cannot forge. A
// request with neither header is not from a browser (a script, curl) and carries no victim's
// cookies by accident; session cookies are SameSite=Lax as a second line.

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** True when a request may change state: not a form post, or a form post from our own origin. */
export function isAllowedPost(request: Request, url: URL): boolean {
	if (SAFE_METHODS.includes(request.method)) return true;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return true;
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if (site !== null && site !== 'same-origin' && site !== 'none') return false;
	if (origin === url.origin) return true;
	if (origin === 'null') return site === 'same-origin';
	// no Origin at all: only a non-browser client, unless the browser said where it came from
	return origin === null && (site === null || site === 'same-origin');
}
