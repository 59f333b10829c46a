// Rows -> what pages and the open API show. Partners: name, sector, countries, languages, topics,
// what they offer (never the contact person or an address). Experts: name and fields always; bio,
// topics, countries, languages and links only when the expert chose to show them.
import { countryName, isLocale as isGeoLocale } from '../../geo';
import { fieldLabel, type ExpertPublicField } from '../../network/vocab';
import type { Locale } from '../../paraglide/runtime.js';
import { origin } from '../learning';
import type { ApplicationRow, MessageRow } from './queries';

const isPublic = (a: ApplicationRow, f: ExpertPublicField) => a.kind === 'partner' || a.publicFields.includes(f);

function countries(codes: string[], locale: Locale) {
	return codes.map((c) => ({ code: c, name: countryName(c, isGeoLocale(locale) ? locale : 'en') ?? c }));
}

function languages(codes: string[], locale: Locale) {
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return codes.map((c) => ({ code: c, name: names.of(c) ?? c }));
}

/** A partner or expert as the directory shows them (public fields only). */
export function presentProfile(a: ApplicationRow, locale: Locale) {
	return {
		id: a.id,
		kind: a.kind as 'partner' | 'expert',
		name: a.name,
		isDemo: a.isDemo,
		sector: a.kind === 'partner' ? a.sector : null,
		fields: a.fields.map((f) => ({ id: f, name: fieldLabel(f, locale) })),
		about: isPublic(a, 'bio') ? a.about : '',
		aboutLang: a.aboutLang,
		topics: isPublic(a, 'topics') ? a.topics : [],
		countries: isPublic(a, 'countries') ? countries(a.countries, locale) : [],
		languages: isPublic(a, 'languages') ? languages(a.languages, locale) : [],
		links: a.kind === 'expert' && isPublic(a, 'links') ? a.links : []
	};
}
export type Profile = ReturnType<typeof presentProfile>;

/** Open data: a partner (public fields only, no personal data). */
export function presentPartnerOpenData(a: ApplicationRow) {
	return {
		id: a.id,
		url: `${origin()}/network/partners/${a.id}`,
		demo: a.isDemo,
		name: a.name,
		sector: a.sector,
		countries: a.countries,
		languages: a.languages,
		topics: a.topics,
		offer: a.about,
		offerLanguage: a.aboutLang,
		listedSince: (a.decidedAt ?? a.updatedAt).toISOString().slice(0, 10)
	};
}

/** Open data: an expert, with only the fields they chose to make public. */
export function presentExpertOpenData(a: ApplicationRow) {
	return {
		id: a.id,
		url: `${origin()}/network/experts/${a.id}`,
		demo: a.isDemo,
		name: a.name,
		fields: a.fields,
		bio: isPublic(a, 'bio') ? a.about : null,
		bioLanguage: isPublic(a, 'bio') ? a.aboutLang : null,
		topics: isPublic(a, 'topics') ? a.topics : null,
		countries: isPublic(a, 'countries') ? a.countries : null,
		languages: isPublic(a, 'languages') ? a.languages : null,
		links: isPublic(a, 'links') ? a.links : null
	};
}

/** Everything about an application, for its owner (private link) or a reviewer in scope. */
export function presentApplication(a: ApplicationRow, messages: MessageRow[], locale: Locale) {
	return {
		id: a.id,
		kind: a.kind as 'partner' | 'expert',
		status: a.status,
		isDemo: a.isDemo,
		name: a.name,
		email: a.email,
		contactName: a.contactName,
		sector: a.sector,
		fields: a.fields,
		fieldNames: a.fields.map((f) => fieldLabel(f, locale)),
		topics: a.topics,
		countries: a.countries,
		countryNames: countries(a.countries, locale).map((c) => c.name),
		languages: a.languages,
		languageNames: languages(a.languages, locale).map((l) => l.name),
		about: a.about,
		aboutLang: a.aboutLang,
		links: a.links,
		publicFields: a.publicFields,
		declineReason: a.declineReason,
		createdAt: a.createdAt.toISOString(),
		updatedAt: a.updatedAt.toISOString(),
		thread: messages.map((m) => ({ id: m.id, author: m.author as 'reviewer' | 'applicant', body: m.body, at: m.createdAt.toISOString() }))
	};
}
export type PresentedApplication = ReturnType<typeof presentApplication>;

/** The application's values as the form's fields (for the owner's update form). */
export function applicationToForm(a: ApplicationRow): Record<string, string | string[]> {
	return {
		name: a.name,
		sector: a.sector ?? '',
		contactName: a.contactName ?? '',
		about: a.about,
		links: a.links.join('\n'),
		countries: a.countries,
		languages: a.languages,
		topics: a.topics,
		fields: a.fields,
		public: a.publicFields
	};
}
