// Posted forms -> command input. Kept here (not in routes) so the property tests can post hostile
// strings through exactly what the pages post.
import { LOCALES } from '../../geo';
import type { events } from './schema';

interface Posted {
	values: Record<string, string>;
	all(name: string): string[];
}

export const QUESTION_SLOTS = 5;

const num = (s: string | undefined): number | null => {
	const t = (s ?? '').trim();
	if (!t) return null;
	return /^-?\d{1,9}$/.test(t) ? Number(t) : NaN;
};

function localeMap(values: Record<string, string>, prefix: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const l of LOCALES) if (values[`${prefix}_${l}`] !== undefined) out[l] = values[`${prefix}_${l}`];
	return out;
}

/** The organiser's event form. Question labels are stored in the language the organiser works in. */
export function eventFromForm(form: Posted, locale: string): Record<string, unknown> {
	const v = form.values;
	const questions: Record<string, unknown>[] = [];
	for (let i = 0; i < QUESTION_SLOTS; i++) {
		const label = (v[`q${i}_label`] ?? '').trim();
		if (!label) continue;
		const kind = v[`q${i}_kind`] ?? 'text';
		const options = (v[`q${i}_options`] ?? '')
			.split(/\r?\n/)
			.map((o) => o.trim())
			.filter(Boolean)
			.map((o) => ({ [locale]: o }));
		questions.push({ id: (v[`q${i}_id`] || `q${i}`).slice(0, 40), kind, label: { [locale]: label }, options, required: v[`q${i}_required`] === 'on' });
	}
	const languages = [...form.all('languages'), ...(v.languages_other ?? '').split(/[\s,;]+/)].map((s) => s.trim().toLowerCase()).filter(Boolean);
	const reminders = (v.reminders ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean)
		.map((h) => (/^\d{1,4}(\.\d+)?$/.test(h) ? Math.round(Number(h) * 60) : NaN));
	return {
		title: localeMap(v, 'title'),
		description: localeMap(v, 'description'),
		materials: localeMap(v, 'materials'),
		kind: v.kind ?? '',
		audiences: form.all('audiences'),
		topics: form.all('topics'),
		areas: form.all('areas'),
		languages: [...new Set(languages)],
		start: v.start ?? '',
		end: v.end ?? '',
		timeZone: v.timeZone ?? '',
		mode: v.mode ?? '',
		venue: v.venue ?? '',
		city: v.city ?? '',
		country: v.country ?? '',
		region: v.region ?? '',
		onlineUrl: v.onlineUrl ?? '',
		seats: num(v.seats) ?? NaN,
		opens: v.opens ?? '',
		closes: v.closes ?? '',
		childMinAge: num(v.childMinAge),
		childMaxAge: num(v.childMaxAge),
		moderated: v.moderated === 'on',
		holdHours: num(v.holdHours) ?? 48,
		reminders: v.reminders === undefined ? undefined : reminders,
		questions,
		safeguardingContact: v.safeguardingContact ?? ''
	};
}

/** The public registration form. */
export function registrationFromForm(form: Posted, locale: string): Record<string, unknown> {
	const v = form.values;
	const ages = (v.childAges ?? '')
		.split(/[\s,;،、，]+/)
		.filter(Boolean)
		.map((a) => (/^\d{1,3}$/.test(a) ? Number(a) : NaN));
	const answers: Record<string, string> = {};
	for (const [k, val] of Object.entries(v)) if (k.startsWith('q_') && k.length <= 40) answers[k.slice(2)] = val;
	return {
		name: v.name ?? '',
		email: v.email ?? '',
		adults: num(v.adults) ?? 1,
		childAges: ages,
		childConsent: v.childConsent === 'on',
		answers,
		locale
	};
}

/** An event's stored values as the strings the form shows (for editing). */
export function eventToForm(e: typeof events.$inferSelect, locale: string, zoned: (d: Date, tz: string) => string): { values: Record<string, string>; lists: Record<string, string[]> } {
	const values: Record<string, string> = {
		kind: e.kind,
		start: zoned(e.startsAt, e.timeZone),
		end: zoned(e.endsAt, e.timeZone),
		timeZone: e.timeZone,
		mode: e.mode,
		venue: e.venue ?? '',
		city: e.city ?? '',
		country: e.country ?? '',
		region: e.region ?? '',
		onlineUrl: e.onlineUrl ?? '',
		seats: String(e.seats),
		opens: e.registrationOpensAt ? zoned(e.registrationOpensAt, e.timeZone) : '',
		closes: e.registrationClosesAt ? zoned(e.registrationClosesAt, e.timeZone) : '',
		childMinAge: e.childMinAge === null ? '' : String(e.childMinAge),
		childMaxAge: e.childMaxAge === null ? '' : String(e.childMaxAge),
		moderated: e.moderated ? 'on' : '',
		holdHours: String(e.holdHours),
		reminders: e.reminders.map((mins) => String(Math.round((mins / 60) * 100) / 100)).join(', '),
		safeguardingContact: e.safeguardingContact ?? '',
		languages_other: e.languages.filter((l) => !(LOCALES as readonly string[]).includes(l)).join(', ')
	};
	for (const l of LOCALES) {
		values[`title_${l}`] = e.title[l] ?? '';
		values[`description_${l}`] = e.description[l] ?? '';
		values[`materials_${l}`] = e.materials[l] ?? '';
	}
	e.questions.slice(0, QUESTION_SLOTS).forEach((q, i) => {
		const pick = (m: Record<string, string | undefined>) => m[locale] ?? m.en ?? Object.values(m).find(Boolean) ?? '';
		values[`q${i}_id`] = q.id;
		values[`q${i}_kind`] = q.kind;
		values[`q${i}_label`] = pick(q.label);
		values[`q${i}_options`] = (q.options ?? []).map(pick).join('\n');
		values[`q${i}_required`] = q.required ? 'on' : '';
	});
	return { values, lists: { languages: e.languages, audiences: e.audiences, topics: e.topics, areas: e.areas } };
}
