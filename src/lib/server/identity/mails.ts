// The emails identity sends, written in the recipient's language.
import * as m from '../../paraglide/messages.js';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import type { Mail } from '../mail';

export function resetMail(user: { email: string; name: string; locale: string }, link: string, minutes: number): Mail {
	const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
	return {
		to: user.email,
		subject: m.mail_reset_subject({}, { locale }),
		body: m.mail_reset_body({ name: user.name, link, minutes: String(minutes) }, { locale })
	};
}

export function inviteMail(invite: { email: string; name: string; locale: string }, inviter: string, link: string, days: number): Mail {
	const locale: Locale = isLocale(invite.locale) ? invite.locale : 'en';
	return {
		to: invite.email,
		subject: m.mail_invite_subject({}, { locale }),
		body: m.mail_invite_body({ name: invite.name || invite.email, inviter, link, days: String(days) }, { locale })
	};
}

export function emailChangeMail(user: { name: string; locale: string }, newEmail: string, link: string, minutes: number): Mail {
	const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
	return { to: newEmail, subject: m.mail_email_change_subject({}, { locale }), body: m.mail_email_change_body({ name: user.name, link, minutes: String(minutes) }, { locale }) };
}

export function emailChangedNotice(user: { name: string; email: string; locale: string }, newEmail: string): Mail {
	const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
	return { to: user.email, subject: m.mail_email_changed_subject({}, { locale }), body: m.mail_email_changed_body({ name: user.name, email: newEmail }, { locale }) };
}

/** The link that turns a sign-up into an account, to the address given. */
export function signUpConfirmMail(input: { email: string; name: string; locale: string }, link: string, hours: number): Mail {
	const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
	return { to: input.email, subject: m.mail_signup_confirm_subject({}, { locale }), body: m.mail_signup_confirm_body({ name: input.name, link, hours: String(hours) }, { locale }) };
}

/** To the owner of an address someone tried to sign up with again: nothing changed; how to sign in. */
export function signUpExistingNotice(user: { email: string; name: string; locale: string }, origin: string): Mail {
	const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
	const prefix = `${origin}${locale === 'en' ? '' : '/' + locale}`;
	return {
		to: user.email,
		subject: m.mail_signup_existing_subject({}, { locale }),
		body: m.mail_signup_existing_body({ name: user.name, signin: `${prefix}/signin`, reset: `${prefix}/password/forgot` }, { locale })
	};
}
