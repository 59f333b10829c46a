import { dirOf, getLocale, href } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// The kids zone as an installable app, one per language: /fr/kids/manifest.webmanifest starts
// and stays in /fr/kids. Same content for everyone; nothing about the visitor is read.
export const GET: RequestHandler = () => {
	const locale = getLocale();
	const start = href('/kids', locale);
	const manifest = {
		name: `${m.kids_title()} · ${m.common_site_name()}`,
		short_name: m.kids_title(),
		description: m.kids_privacy_text(),
		lang: locale,
		dir: dirOf(locale),
		id: start,
		start_url: start,
		scope: start,
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#1d3557',
		icons: [
			{ src: '/kids/icon.svg', sizes: 'any', type: 'image/svg+xml' },
			{ src: '/kids/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/kids/icon-512.png', sizes: '512x512', type: 'image/png' }
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};
