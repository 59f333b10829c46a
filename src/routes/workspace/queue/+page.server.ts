import { rethrowAsPage } from '$lib/server/platform/edge';
import { getLocale } from '$lib/i18n';
import { countryName } from '$lib/geo';
import { db } from '$lib/server/db';
import * as progress from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const items = await progress.validationQueue(locals.actor).catch(rethrowAsPage);
	const fw = items.length ? await progress.getFramework(db()).catch(() => null) : null;
	const where = new Map(fw?.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((q) => [q.id, { pillar: p.id, text: q.text }] as const))) ?? []);
	const locale = getLocale();
	return {
		items: items.map((i) => ({
			...i,
			countryName: countryName(i.country, locale) ?? i.country,
			pillar: where.get(i.questionId)?.pillar ?? i.questionId.split('.')[0],
			text: where.get(i.questionId)?.text ?? { en: i.questionId },
			updatedAt: i.updatedAt.toISOString().slice(0, 10)
		}))
	};
};
