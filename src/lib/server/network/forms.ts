// Posted forms -> command input. Repeated fields (countries, languages, fields, topics, what an
// expert shows) are read with `all`; links are one per line.
import { NETWORK_LIMITS } from '../../network/vocab';

interface Posted {
	values: Record<string, string>;
	all(name: string): string[];
}

const list = (form: Posted, name: string) => form.all(name).filter((s) => s !== '');

/** The application form (apply and update) as the commands' input. */
export function applicationFromForm(form: Posted, locale: string): Record<string, unknown> {
	const v = form.values;
	return {
		name: v.name ?? '',
		sector: v.sector ?? '',
		contactName: v.contactName ?? '',
		email: v.email ?? '',
		about: v.about ?? '',
		countries: list(form, 'countries'),
		languages: list(form, 'languages'),
		topics: list(form, 'topics'),
		fields: list(form, 'fields'),
		publicFields: list(form, 'public'),
		links: (v.links ?? '')
			.split(/\r?\n/)
			.map((s) => s.trim())
			.filter(Boolean)
			.slice(0, NETWORK_LIMITS.linksMax + 1),
		locale
	};
}
