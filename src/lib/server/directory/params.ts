// Reading the help search from a URL: unknown values are ignored one by one, never fatal, so a
// child's half-broken link still finds help.
import { isCountryCode } from '../../geo';
import { ACTIONS, CHANNEL_TYPES, isTopic, type ActionId, type ChannelType, type TopicId } from '../../directory/taxonomy';
import type { SearchParams } from './queries';

export interface HelpQuery {
	country?: string;
	topic?: TopicId;
	action?: ActionId;
	age?: number;
	language?: string;
	channel?: ChannelType;
	openNow: boolean;
	q?: string;
}

export function readHelpQuery(url: URL): HelpQuery {
	const p = url.searchParams;
	const country = p.get('country')?.toUpperCase();
	const topic = p.get('topic') ?? '';
	const action = p.get('action') ?? '';
	const channel = p.get('channel') ?? '';
	const age = Number(p.get('age'));
	const language = p.get('language') ?? '';
	const q = (p.get('q') ?? '').trim().slice(0, 100);
	return {
		country: country && isCountryCode(country) ? country : undefined,
		topic: isTopic(topic) ? topic : undefined,
		action: (ACTIONS as readonly string[]).includes(action) ? (action as ActionId) : undefined,
		channel: (CHANNEL_TYPES as readonly string[]).includes(channel) ? (channel as ChannelType) : undefined,
		age: p.get('age') && Number.isInteger(age) && age >= 0 && age <= 120 ? age : undefined,
		language: /^[a-z]{2,3}$/.test(language) ? language : undefined,
		openNow: p.get('open') === '1',
		q: q || undefined
	};
}

export function toSearchParams(q: HelpQuery & { country: string }): SearchParams {
	return { country: q.country, topic: q.topic, action: q.action, age: q.age, language: q.language, channel: q.channel, openNow: q.openNow, q: q.q };
}
