import { error } from '@sveltejs/kit';
import * as translations from '$lib/server/translations';
import { formAction } from '$lib/server/platform/edge';
import { DomainError, Forbidden, ValidationError } from '$lib/server/platform/errors';
import { locales, type Locale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;
const PER_PAGE = 50;
// the bundled content never changes while the server runs: compute coverage once
let cached: translations.SetCoverage[] | undefined;

// Translation coverage per content set and language, what readers see of unreviewed texts in each
// language (the one setting here), the items a native speaker has not reviewed yet, export
// downloads, and a check of an uploaded translation file that writes nothing.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!translations.can(locals.actor, 'translations.view')) error(403, 'forbidden');
	const coverage = (cached ??= translations.coverage(await translations.bundledRepoFiles()));
	const wanted = url.searchParams.get('lang');
	const lang: Locale = wanted && (translations.TARGET_LOCALES as string[]).includes(wanted) ? (wanted as Locale) : 'fr';
	const review = coverage.flatMap((c) => c.needsReview.filter((n) => n.lang === lang).map((n) => ({ ...n, set: c.set.id, setTitle: c.set.title, setTitles: c.set.titles ?? null, kind: c.set.kind })));
	const pages = Math.max(1, Math.ceil(review.length / PER_PAGE));
	const page = Math.min(pages, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	return {
		locales: [...locales],
		targets: [...translations.TARGET_LOCALES],
		coverage: coverage.map((c) => ({ set: c.set, items: c.items, segments: c.segments, languages: c.languages })),
		lang,
		review: review.slice((page - 1) * PER_PAGE, page * PER_PAGE),
		reviewTotal: review.length,
		page,
		pages,
		display: await translations.displayModes()
	};
};

export const actions: Actions = {
	display: formAction(async ({ values }, { locals }) => ({ display: await translations.setDisplayModes(locals.actor, values) })),
	check: formAction(async (form, { locals }) => {
		// authorise before reading the file
		if (!translations.can(locals.actor, 'translations.check')) throw new Forbidden();
		const [file] = form.files('file');
		if (!file || file.size === 0) throw new ValidationError({ file: 'translations_file_required' });
		if (file.size > MAX_BYTES) throw new DomainError(413, 'translations_file_too_large', { file: 'translations_file_too_large' });
		const r = translations.checkTranslation(await translations.bundledRepoFiles(), await file.text());
		return {
			report: {
				file: file.name.slice(0, 200),
				format: r.format ?? null,
				set: r.set ?? null,
				lang: r.lang ?? null,
				units: r.units,
				changed: r.changed,
				unchanged: r.unchanged,
				untranslated: r.untranslated,
				stale: r.stale,
				problems: r.problems.slice(0, 1000).map((p) => ({ segment: p.segment ?? null, line: p.line ?? null, reason: p.reason })),
				problemCount: r.problems.length,
				writes: Object.keys(r.writes).sort()
			}
		};
	})
};
