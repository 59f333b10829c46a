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
