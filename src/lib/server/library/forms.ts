// Posted form fields <-> what the library commands take. Countries and organisations are typed as
// lists (one per line or comma-separated), topics and COP areas are checkboxes.
import { DOCUMENT_LANGUAGES } from '../../library/vocab';
import type { DocumentRow } from './queries';

interface Posted {
	values: Record<string, string>;
	all(name: string): string[];
}

const list = (s: string | undefined, split: RegExp) =>
	(s ?? '')
		.split(split)
		.map((x) => x.trim())
		.filter(Boolean);

function localeMap(values: Record<string, string>, prefix: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const l of DOCUMENT_LANGUAGES) if (values[`${prefix}_${l}`] !== undefined) out[l] = values[`${prefix}_${l}`];
	return out;
}

const int = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : /^\s*-?\d{1,9}\s*$/.test(s) ? Number(s) : NaN);

/** The editor's document form. */
export function documentFromForm(form: Posted): Record<string, unknown> {
	const v = form.values;
	return {
		title: localeMap(v, 'title'),
		summary: localeMap(v, 'summary'),
		type: v.type ?? '',
		year: int(v.year) ?? NaN,
		countries: list(v.countries, /[\s,;]+/),
		organisations: list(v.organisations, /\r?\n/),
		topics: form.all('topics'),
		areas: form.all('areas'),
		externalUrl: v.externalUrl ?? '',
		submitterCountry: v.submitterCountry ?? '',
		submitterOrganisation: v.submitterOrganisation ?? '',
		meetingSession: int(v.meetingSession),
		meetingDate: v.meetingDate ?? '',
		contributionStatus: v.contributionStatus ?? ''
	};
}

/** A document as the form's values (for editing) and its checked lists. */
export function documentToForm(d: DocumentRow): { values: Record<string, string>; lists: Record<string, string[]> } {
	const values: Record<string, string> = {
		type: d.type,
		year: String(d.year),
		countries: d.countries.join(', '),
		organisations: d.organisations.join('\n'),
		externalUrl: d.externalUrl ?? '',
		submitterCountry: d.submitterCountry ?? '',
		submitterOrganisation: d.submitterOrganisation ?? '',
		meetingSession: d.meetingSession === null ? '' : String(d.meetingSession),
		meetingDate: d.meetingDate ?? '',
		contributionStatus: d.contributionStatus ?? ''
	};
	for (const l of DOCUMENT_LANGUAGES) {
		values[`title_${l}`] = d.title[l] ?? '';
		values[`summary_${l}`] = d.summary[l] ?? '';
	}
	return { values, lists: { topics: d.topics, areas: d.areas } };
}
