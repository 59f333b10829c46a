// What the public consultation pages share: the answer form action (no session, no cookie: the
// page that answers the post is the thank-you page) and the help shown when a child's words
// suggest they may be in danger. Used by /have-your-say/{id}, campaign pages and the embed.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { localized, type LocaleMap } from '$lib/i18n';
import { errorText } from '$lib/i18n/errors';
import * as directory from '../directory';
import { isDomainError } from '../platform/errors';
import { readPostedForm } from '../platform/edge';
import { clientIp } from '../platform/http';
import { submitAnswers } from './commands';

export interface HelpService {
	id: string;
	name: string;
	lang: string;
	isDemo: boolean;
	contacts: { type: string; value: string; href: string }[];
}

export interface HelpNow {
	country: string;
	emergency: { number: string; href: string; name: string; isDemo: boolean }[];
	services: HelpService[];
}

/** The help finder's services and emergency numbers for a country (nothing about the request is kept). */
export async function helpFor(country: string): Promise<HelpNow> {
	const [found, emergency] = await Promise.all([directory.search({ country, action: 'talk', limit: 4 }), directory.emergencyServices(country)]);
	return {
		country,
		emergency: emergency.map((e) => ({ number: e.value, href: `tel:${e.value.replace(/[^0-9+]/g, '')}`, name: localized(e.name as LocaleMap).text, isDemo: e.isDemo && !e.verifiedAt })),
		services: found.map(directory.presentResult).map((r) => ({
			id: r.id,
			name: r.name.text,
			lang: r.name.lang,
			isDemo: r.isDemo && !r.verified,
			contacts: r.channels.filter((c) => ['phone', 'sms', 'webchat', 'messaging', 'app'].includes(c.type)).slice(0, 2).map((c) => ({ type: c.type, value: c.value, href: c.href }))
		}))
	};
}

/** Posted answers: only the answer fields, the band and the country, and an optional class code. */
export function answerAction(consultationId: (event: RequestEvent) => string | Promise<string>) {
	return async (event: RequestEvent) => {
		let selected: Record<string, string[]> = {};
		try {
			const form = await readPostedForm(event.request);
			selected = Object.fromEntries([...new Set([...form.raw.keys()])].map((k) => [k, form.all(k)]));
			delete selected.code;
			const result = await submitAnswers(await consultationId(event), form, clientIp(event.getClientAddress));
			const country = form.values.country?.toUpperCase() ?? '';
			return { done: true as const, scrubbed: result.scrubbed, concern: result.concern, help: result.concern ? await helpFor(country) : null };
		} catch (e) {
			if (!isDomainError(e)) throw e;
			return fail(e.status, { error: e.code, message: errorText(e.code), fields: e.fields, selected });
		}
	};
}
