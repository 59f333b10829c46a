// The help finder's controlled vocabularies: service kinds, channel types, the topic taxonomy of
// online and offline harms grouped by the 4Cs of online risk, and the action axis.
// Display names live in messages/ (keys help_kind_*, help_channel_*, help_topic_*, help_action_*, help_c_*).

export const SERVICE_KINDS = ['helpline', 'chat_line', 'peer_support', 'reporting_hotline', 'takedown_tool', 'emergency', 'counselling'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_STATUSES = ['active', 'temporarily_closed', 'defunct'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const CHANNEL_TYPES = ['phone', 'sms', 'webchat', 'messaging', 'email', 'webform', 'app'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const COSTS = ['free', 'paid', 'unknown'] as const;
export type Cost = (typeof COSTS)[number];

/** The 4Cs of online risk (CO:RE classification). */
export const FOUR_CS = ['content', 'contact', 'conduct', 'contract'] as const;
export type FourC = (typeof FOUR_CS)[number];

/**
 * Topics, each under one of the 4Cs. Offline harms that children bring to the same services
 * (family problems, abuse) sit with the C whose online form they most often take.
 */
export const TOPICS = {
	harmful_content: 'content',
	hate_discrimination: 'content',
	self_harm_suicide: 'content',
	grooming: 'contact',
	sextortion: 'contact',
	sexual_abuse_exploitation: 'contact',
	bullying_cyberbullying: 'conduct',
	images_shared_without_consent: 'conduct',
	mental_health: 'conduct',
	family_problems: 'conduct',
	sexuality_gender_identity: 'conduct',
	scams_hacked_accounts: 'contract'
} as const satisfies Record<string, FourC>;
export type TopicId = keyof typeof TOPICS;
export const TOPIC_IDS = Object.keys(TOPICS) as TopicId[];

/** What the child wants to do. */
export const ACTIONS = ['talk', 'report_illegal_content', 'remove_image', 'emergency'] as const;
export type ActionId = (typeof ACTIONS)[number];

export const DIRECTORY_LIMITS = {
	nameMax: 200,
	descriptionMax: 4000,
	channelsMax: 20,
	valueMax: 500,
	messageMax: 4000,
	countriesMax: 250,
	languagesMax: 40
} as const;

export function isTopic(v: string): v is TopicId {
	return Object.hasOwn(TOPICS, v);
}
