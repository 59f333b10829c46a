// The page every route but the help finder answers while the database is down: 503, Retry-After,
// in the reader's language, pointing to the help finder (which still works from its snapshot).
import * as m from '../../paraglide/messages';
import { dirOf, type Locale } from '../../i18n';

/** Seconds a client (or proxy) is told to wait before trying again. */
export const RETRY_AFTER = 30;

function escape(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function unavailablePage(locale: Locale, options: { api?: boolean } = {}): Response {
	const headers = { 'retry-after': String(RETRY_AFTER), 'cache-control': 'no-store' };
	if (options.api) {
		return new Response(JSON.stringify({ error: 'database_unavailable', message: m.platform_unavailable_body({}, { locale }) }), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
		});
	}
	const helpHref = locale === 'en' ? '/help' : `/${locale}/help`;
	const t = (s: string) => escape(s);
	const html = `<!doctype html>
<html lang="${locale}" dir="${dirOf(locale)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>${t(m.platform_unavailable_title({}, { locale }))} · ${t(m.common_site_name({}, { locale }))}</title>
<link rel="stylesheet" href="/app.css" />
</head>
<body>
<main id="main">
<h1>${t(m.platform_unavailable_title({}, { locale }))}</h1>
<p>${t(m.platform_unavailable_body({}, { locale }))}</p>
<p>${t(m.platform_unavailable_help({}, { locale }))}</p>
<p><a href="${helpHref}">${t(m.platform_unavailable_help_link({}, { locale }))}</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: 503,
		headers: {
			...headers,
			'content-type': 'text/html; charset=utf-8',
			// the page's own policy: a stylesheet from here, nothing else (securityHeaders keeps it)
			'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
		}
	});
}
