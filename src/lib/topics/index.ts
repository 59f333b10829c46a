// The one topic graph every teaching module tags its content with: guideline sections, course
// lessons and kids' scenarios share these ids, so a page can point to the others and to the help
// finder's matching services. Display names are Paraglide messages `topic_<id>`.
//
// Risks are the 4Cs of online risk (CO:RE classification); skills are what a child or adult can
// do about them. Each topic maps onto the help finder's vocabulary (src/lib/directory/taxonomy.ts)
// so "find help about this" opens /help already narrowed.
import type { ActionId, TopicId as HelpTopicId } from '$lib/directory/taxonomy';

export const RISK_TOPICS = ['content', 'contact', 'conduct', 'contract'] as const;
export const SKILL_TOPICS = ['share_with_care', 'spot_the_fake', 'secure_your_secrets', 'be_kind', 'talk_it_out', 'get_help'] as const;
export const TOPIC_GRAPH_IDS = [...RISK_TOPICS, ...SKILL_TOPICS] as const;
export type TopicGraphId = (typeof TOPIC_GRAPH_IDS)[number];

export interface TopicNode {
	id: TopicGraphId;
	kind: 'risk' | 'skill';
	/** help-finder topics a reader of this topic is most likely to need */
	helpTopics: HelpTopicId[];
	/** the help-finder action that fits best */
	helpAction: ActionId;
	/** neighbouring topics worth suggesting next */
	related: TopicGraphId[];
}

export const TOPIC_GRAPH: Record<TopicGraphId, TopicNode> = {
	content: { id: 'content', kind: 'risk', helpTopics: ['harmful_content', 'hate_discrimination', 'self_harm_suicide'], helpAction: 'report_illegal_content', related: ['spot_the_fake', 'talk_it_out'] },
	contact: { id: 'contact', kind: 'risk', helpTopics: ['grooming', 'sextortion', 'sexual_abuse_exploitation'], helpAction: 'talk', related: ['share_with_care', 'get_help'] },
	conduct: { id: 'conduct', kind: 'risk', helpTopics: ['bullying_cyberbullying', 'images_shared_without_consent'], helpAction: 'talk', related: ['be_kind', 'talk_it_out'] },
	contract: { id: 'contract', kind: 'risk', helpTopics: ['scams_hacked_accounts'], helpAction: 'talk', related: ['secure_your_secrets', 'spot_the_fake'] },
	share_with_care: { id: 'share_with_care', kind: 'skill', helpTopics: ['images_shared_without_consent', 'sextortion'], helpAction: 'remove_image', related: ['contact', 'secure_your_secrets'] },
	spot_the_fake: { id: 'spot_the_fake', kind: 'skill', helpTopics: ['scams_hacked_accounts', 'harmful_content'], helpAction: 'talk', related: ['content', 'contract'] },
	secure_your_secrets: { id: 'secure_your_secrets', kind: 'skill', helpTopics: ['scams_hacked_accounts'], helpAction: 'talk', related: ['contract', 'share_with_care'] },
	be_kind: { id: 'be_kind', kind: 'skill', helpTopics: ['bullying_cyberbullying', 'hate_discrimination'], helpAction: 'talk', related: ['conduct', 'talk_it_out'] },
	talk_it_out: { id: 'talk_it_out', kind: 'skill', helpTopics: ['mental_health', 'family_problems', 'bullying_cyberbullying'], helpAction: 'talk', related: ['get_help', 'be_kind'] },
	get_help: { id: 'get_help', kind: 'skill', helpTopics: ['mental_health', 'grooming', 'sextortion', 'bullying_cyberbullying'], helpAction: 'talk', related: ['talk_it_out', 'contact'] }
};

export function isTopicGraphId(v: unknown): v is TopicGraphId {
	return typeof v === 'string' && Object.hasOwn(TOPIC_GRAPH, v);
}

/** The help finder, narrowed to what fits this topic (country chosen by the reader, never guessed). */
export function helpPathFor(id: TopicGraphId, country?: string): string {
	const node = TOPIC_GRAPH[id];
	const q = new URLSearchParams();
	if (country) q.set('country', country);
	q.set('topic', node.helpTopics[0]);
	return `/help?${q}`;
}
