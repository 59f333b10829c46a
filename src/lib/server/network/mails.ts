// The emails the network module sends, each in the applicant's language.
import * as m from '../../paraglide/messages.js';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import type { Mail } from '../mail';
import { origin } from '../learning';
import type { applications } from './schema';

type ApplicationRow = typeof applications.$inferSelect;

function loc(a: { locale: string }): Locale {
	return isLocale(a.locale) ? a.locale : 'en';
}

/** The private link of an application, in the applicant's language. */
export function privateLink(token: string, locale: string): string {
	const prefix = locale === 'en' ? '' : `/${locale}`;
	return `${origin()}${prefix}/network/manage/${token}`;
}

export function profileLink(a: Pick<ApplicationRow, 'id' | 'kind'>, locale: string): string {
	const prefix = locale === 'en' ? '' : `/${locale}`;
	return `${origin()}${prefix}/network/${a.kind === 'partner' ? 'partners' : 'experts'}/${a.id}`;
}

export function confirmMail(a: ApplicationRow, token: string): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_confirm_subject({}, { locale }),
		body: m.network_mail_confirm_body({ name: a.contactName ?? a.name, link: privateLink(token, locale) }, { locale })
	};
}

/** A reviewer's question; the link is new (each mail that carries a link replaces the one before). */
export function questionMail(a: ApplicationRow, question: string, token: string): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_question_subject({}, { locale }),
		body: m.network_mail_question_body({ name: a.contactName ?? a.name, question, link: privateLink(token, locale) }, { locale }) + '\n\n' + m.network_mail_link_hint({}, { locale })
	};
}

export function acceptedMail(a: ApplicationRow, token: string): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_accepted_subject({}, { locale }),
		body: m.network_mail_accepted_body({ name: a.contactName ?? a.name, profile: profileLink(a, locale), link: privateLink(token, locale) }, { locale }) + '\n\n' + m.network_mail_link_hint({}, { locale })
	};
}

export function declinedMail(a: ApplicationRow): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_declined_subject({}, { locale }),
		body: m.network_mail_declined_body({ name: a.contactName ?? a.name, reason: a.declineReason ?? '' }, { locale })
	};
}

/** A visitor's message relayed to a listed partner or expert; their address is never shown to the sender. */
export function contactMail(a: ApplicationRow, from: { name: string; email: string; message: string }): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_contact_subject({ name: from.name }, { locale }),
		body: m.network_mail_contact_body({ name: from.name, email: from.email, message: from.message, profile: profileLink(a, locale) }, { locale })
	};
}

/** The private link, sent again at the owner's request from their account (a new token). */
export function linkMail(a: ApplicationRow, token: string): Mail {
	const locale = loc(a);
	return {
		to: a.email,
		subject: m.network_mail_link_subject({}, { locale }),
		body: m.network_mail_link_body({ name: a.contactName ?? a.name, application: a.name, link: privateLink(token, locale) }, { locale }) + '\n\n' + m.network_mail_link_hint({}, { locale })
	};
}
