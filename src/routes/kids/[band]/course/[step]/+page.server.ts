import { error } from '@sveltejs/kit';
import { getLocale, href, localized } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import * as kids from '$lib/server/kids';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

// One page of a band's course: a lesson, a question of the final quiz, the result, the printable
// certificate or the right answers. Answering, scoring (in the URL fragment, never sent) and the
// certificate happen on the device; the server only ever serves the same page to everyone.
export const load: PageServerLoad = async ({ params }) => {
	const locale = getLocale();
	const step = kids.findCourseStep(params.band, params.step, await translations.hiddenLocale(locale));
	if (!step) error(404, 'not_found');
	const c = step.course;
	const path = (s: string) => href(kids.stepPath(c, s), locale);
	const next = step.next === null ? null : { href: path(step.next), label: step.next === 'quiz' ? m.kids_course_to_quiz() : m.kids_course_next_lesson() };
	const t = (x: kids.Text) => localized(x, locale);
	return {
		kind: step.kind,
		band: c.band,
		// a practice answer shows its own feedback only: the reasons behind every option, as dilemmas
		// show them, would take a 13-18 lesson over the zone's 50 KB page budget
		scenario: step.scenario ? kids.presentScenario(step.scenario, locale, { others: false }) : null,
		course: { home: href(`/kids/${c.band}/course`, locale), title: t(c.title), next, quiz: path('quiz'), certificate: path('certificate'), answers: path('answers') },
		sticker: { label: t(c.sticker.label), color: c.sticker.color },
		passing: step.passing ?? [],
		total: step.total ?? 0,
		review: step.review?.map((r) => ({ prompt: t(r.prompt), answer: t(r.answer), why: t(r.why) })) ?? [],
		helpPath: kids.helpPathOf(c.topics)
	};
};
