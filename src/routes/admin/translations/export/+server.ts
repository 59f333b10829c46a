import { error } from '@sveltejs/kit';
import * as translations from '$lib/server/translations';
import { locales, type Locale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

// One content set for one language as XLIFF 2.0 (or PO for UI messages), as a download.
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!translations.can(locals.actor, 'translations.export')) error(403, 'forbidden');
	const files = await translations.bundledRepoFiles();
	const set = url.searchParams.get('set') ?? '';
	const lang = url.searchParams.get('lang') ?? '';
	const format = url.searchParams.get('format') === 'po' ? 'po' : 'xliff';
	if (!translations.listSets(files).some((s) => s.id === set)) error(404, 'not_found');
	if (!(locales as readonly string[]).includes(lang)) error(400, 'invalid_value');
	if (format === 'po' && set !== 'messages') error(400, 'invalid_value');
	const out = translations.exportSet(files, set, lang as Locale, format);
	return new Response(out.body, {
		headers: {
			'content-type': out.type,
			'content-disposition': `attachment; filename="${out.name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
