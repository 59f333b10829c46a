// The emails the events module sends, each in the registrant's language, times in the event's zone.
import * as m from '../../paraglide/messages.js';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { localized } from '../../i18n';
import type { Mail } from '../mail';
import { origin } from '../learning';
import type { events, registrations } from './schema';

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

function loc(r: { locale: string }): Locale {
	return isLocale(r.locale) ? r.locale : 'en';
}

/** "Saturday 14 March 2026, 09:30 – 12:00 (Africa/Nairobi)" in the reader's language. */
export function formatWhen(e: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>, locale: string): string {
	const day = new Intl.DateTimeFormat(locale, { timeZone: e.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(e.startsAt);
	const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone: e.timeZone, dateStyle: 'short' });
	const end = sameDay.format(e.startsAt) === sameDay.format(e.endsAt)
		? new Intl.DateTimeFormat(locale, { timeZone: e.timeZone, timeStyle: 'short' }).format(e.endsAt)
		: new Intl.DateTimeFormat(locale, { timeZone: e.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(e.endsAt);
	return `${day} – ${end} (${e.timeZone})`;
}

/** The private link of a registration, in the registrant's language. */
export function manageLink(token: string, locale: string): string {
	const prefix = locale === 'en' ? '' : `/${locale}`;
	return `${origin()}${prefix}/events/registrations/${token}`;
}

function title(e: EventRow, locale: Locale): string {
	return localized(e.title, locale).text;
}

function where(e: EventRow, r: RegistrationRow, locale: Locale): string {
	if (e.mode === 'online') return r.status === 'confirmed' && e.onlineUrl ? m.events_mail_where_online({ url: e.onlineUrl }, { locale }) : m.events_mail_where_online_later({}, { locale });
	return [e.venue, e.city, e.country].filter(Boolean).join(', ');
}

export function confirmEmailMail(e: EventRow, r: RegistrationRow, token: string): Mail {
	const locale = loc(r);
	return {
		to: r.email,
		subject: m.events_mail_confirm_subject({ title: title(e, locale) }, { locale }),
		body: m.events_mail_confirm_body({ name: r.name, title: title(e, locale), when: formatWhen(e, locale), link: manageLink(token, locale) }, { locale })
	};
}

/** Sent when a registration's status changes: confirmed, pending, waiting, held, rejected, expired. */
export function statusMail(e: EventRow, r: RegistrationRow, link: string | null): Mail {
	const locale = loc(r);
	const t = title(e, locale);
	const base = { name: r.name, title: t, when: formatWhen(e, locale), where: where(e, r, locale), link: link ?? '' };
	const body = (() => {
		switch (r.status) {
			case 'confirmed':
				return m.events_mail_confirmed_body(base, { locale });
			case 'pending':
				return m.events_mail_pending_body(base, { locale });
			case 'waiting':
				return m.events_mail_waiting_body(base, { locale });
			case 'held':
				return m.events_mail_held_body({ ...base, until: formatUntil(r.heldUntil!, e.timeZone, locale) }, { locale });
			case 'rejected':
				return m.events_mail_rejected_body(base, { locale });
			case 'expired':
				return m.events_mail_expired_body(base, { locale });
			default:
				return m.events_mail_cancelled_registration_body(base, { locale });
		}
	})();
	return { to: r.email, subject: m.events_mail_status_subject({ title: t }, { locale }), body };
}

function formatUntil(d: Date, tz: string, locale: string): string {
	return `${new Intl.DateTimeFormat(locale, { timeZone: tz, dateStyle: 'full', timeStyle: 'short' }).format(d)} (${tz})`;
}

export function changedMail(e: EventRow, r: RegistrationRow): Mail {
	const locale = loc(r);
	const t = title(e, locale);
	return {
		to: r.email,
		subject: m.events_mail_changed_subject({ title: t }, { locale }),
		body: m.events_mail_changed_body({ name: r.name, title: t, when: formatWhen(e, locale), where: where(e, r, locale) }, { locale })
	};
}

export function eventCancelledMail(e: EventRow, r: RegistrationRow): Mail {
	const locale = loc(r);
	const t = title(e, locale);
	return {
		to: r.email,
		subject: m.events_mail_event_cancelled_subject({ title: t }, { locale }),
		body: m.events_mail_event_cancelled_body({ name: r.name, title: t, when: formatWhen(e, locale), reason: e.cancelReason || '—' }, { locale })
	};
}

export function reminderMail(e: EventRow, r: RegistrationRow, ics: string): Mail {
	const locale = loc(r);
	const t = title(e, locale);
	return {
		to: r.email,
		subject: m.events_mail_reminder_subject({ title: t }, { locale }),
		body: m.events_mail_reminder_body({ name: r.name, title: t, when: formatWhen(e, locale), where: where(e, r, locale) }, { locale }),
		attachments: [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8', content: ics }]
	};
}

export function organiserMessageMail(e: EventRow, r: RegistrationRow, subject: string, body: string): Mail {
	const locale = loc(r);
	return { to: r.email, subject, body: `${body}\n\n-- \n${m.events_mail_message_footer({ title: title(e, locale) }, { locale })}` };
}

export function certificateMail(e: EventRow, r: RegistrationRow, link: string): Mail {
	const locale = loc(r);
	const t = title(e, locale);
	return {
		to: r.email,
		subject: m.events_mail_certificate_subject({ title: t }, { locale }),
		body: m.events_mail_certificate_body({ name: r.name, title: t, link }, { locale })
	};
}
