import { rethrowAsPage } from '$lib/server/platform/edge';
import { barChart } from '$lib/progress/charts';
import { dirOf, getLocale } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import * as participation from '$lib/server/participation';
import { bandLabel, scaleLabel } from '$lib/participation/ui/labels';
import type { PageServerLoad } from './$types';

// Public results: only once visible, always suppressed (see tally.ts). Charts are drawn here as SVG.
// Not cached by browsers: a child coming back must see "you said, we did" as soon as it is published.
export const load: PageServerLoad = async ({ params }) => {
	const today = participation.isoDay(new Date());
	const results = participation.presentResults(await participation.publicResults(params.id, today).catch(rethrowAsPage), today);
	const locale = getLocale();
	const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	const answerLabel = (q: (typeof results.questions)[number], key: string): string => {
		if (key === 'prefer_not') return m.participation_prefer_not();
		if (key === 'none') return m.participation_no_answer();
		const o = q.options.find((x) => x.id === key);
		if (q.kind === 'faces' || q.kind === 'numbers') return `${key} – ${scaleLabel(key)}`;
		return o?.label?.text ?? key;
	};
	const questions = results.questions.map((q, i) => ({
		...q,
		labels: Object.fromEntries(q.all.map((r) => [r.key, answerLabel(q, r.key)])),
		byBand: q.byBand.map((g) => ({ ...g, name: bandLabel(g.key) })),
		chart: barChart(
			q.all.filter((r) => r.count > 0 || (r.key !== 'none' && r.key !== 'prefer_not')).map((r) => ({ label: answerLabel(q, r.key), value: r.share })),
			{ id: `q${i}`, title: q.prompt.text, desc: m.participation_chart_desc({ count: fmt.format(results.total ?? 0) }), dir: dirOf(locale), unit: ' %', missingText: m.participation_hidden(), format: (n) => fmt.format(n) }
		)
	}));
	return { ...results, questions };
};
