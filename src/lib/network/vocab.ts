// Network vocabularies and limits, shared by forms (browser) and the server (validation, policy).
// Expertise fields are data (ids with their names in the six languages), so a deployment can add
// one here without touching the message catalogues.
import type { Locale } from '../paraglide/runtime';

export const SECTORS = ['government', 'industry', 'civil_society', 'academia', 'international_organisation'] as const;
export type Sector = (typeof SECTORS)[number];

export const APPLICATION_KINDS = ['partner', 'expert'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/**
 * An application's life: `unconfirmed` until the emailed link is used; `pending` in the review
 * queue; `needs_info` when a reviewer asked a question (back to `pending` once answered);
 * `accepted` (listed in the directory), `declined`, `withdrawn` (by its owner; gone at once).
 */
export const APPLICATION_STATUSES = ['unconfirmed', 'pending', 'needs_info', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses that wait for a reviewer (the queue). */
export const IN_REVIEW: readonly ApplicationStatus[] = ['pending', 'needs_info'];

type Labels = Record<Locale, string>;

/** Fields of expertise, with their names in the six languages. */
export const EXPERTISE_FIELDS: Readonly<Record<string, Labels>> = {
	child_rights: { en: "Children's rights", fr: "Droits de l'enfant", es: 'Derechos del niño', ru: 'Права ребёнка', zh: '儿童权利', ar: 'حقوق الطفل' },
	law_policy: { en: 'Law and policy', fr: 'Droit et politiques publiques', es: 'Derecho y políticas públicas', ru: 'Право и политика', zh: '法律与政策', ar: 'القانون والسياسات' },
	child_protection: { en: 'Child protection and safeguarding', fr: "Protection de l'enfance", es: 'Protección de la infancia', ru: 'Защита детей', zh: '儿童保护', ar: 'حماية الطفل' },
	education: { en: 'Education and digital literacy', fr: 'Éducation et culture numérique', es: 'Educación y alfabetización digital', ru: 'Образование и цифровая грамотность', zh: '教育与数字素养', ar: 'التعليم والثقافة الرقمية' },
	technology: { en: 'Technology and online safety by design', fr: 'Technologie et sécurité dès la conception', es: 'Tecnología y seguridad desde el diseño', ru: 'Технологии и безопасность по умолчанию', zh: '技术与设计安全', ar: 'التكنولوجيا والسلامة منذ التصميم' },
	research: { en: 'Research and data', fr: 'Recherche et données', es: 'Investigación y datos', ru: 'Исследования и данные', zh: '研究与数据', ar: 'البحث والبيانات' },
	mental_health: { en: 'Mental health and wellbeing', fr: 'Santé mentale et bien-être', es: 'Salud mental y bienestar', ru: 'Психическое здоровье и благополучие', zh: '心理健康与福祉', ar: 'الصحة النفسية والرفاه' },
	law_enforcement: { en: 'Law enforcement and investigation', fr: 'Application de la loi et enquêtes', es: 'Aplicación de la ley e investigación', ru: 'Правоохранительная деятельность и расследования', zh: '执法与调查', ar: 'إنفاذ القانون والتحقيق' },
	data_protection: { en: 'Privacy and data protection', fr: 'Vie privée et protection des données', es: 'Privacidad y protección de datos', ru: 'Неприкосновенность частной жизни и защита данных', zh: '隐私与数据保护', ar: 'الخصوصية وحماية البيانات' },
	child_participation: { en: "Children's participation", fr: 'Participation des enfants', es: 'Participación infantil', ru: 'Участие детей', zh: '儿童参与', ar: 'مشاركة الأطفال' }
};
export const FIELD_IDS = Object.keys(EXPERTISE_FIELDS);

export function isExpertiseField(id: unknown): id is string {
	return typeof id === 'string' && Object.hasOwn(EXPERTISE_FIELDS, id);
}

export function fieldLabel(id: string, locale: Locale): string {
	return EXPERTISE_FIELDS[id]?.[locale] ?? EXPERTISE_FIELDS[id]?.en ?? id;
}

/** What an expert may choose to show in the directory (name and fields are always shown). */
export const EXPERT_OPTIONAL_PUBLIC = ['bio', 'topics', 'countries', 'languages', 'links'] as const;
export type ExpertPublicField = (typeof EXPERT_OPTIONAL_PUBLIC)[number];

/** Languages offered in the forms and the directory filter (ISO 639-1). */
export const NETWORK_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar', 'pt', 'sw', 'de', 'hi'] as const;

export const NETWORK_LIMITS = {
	nameMax: 160,
	emailMax: 254,
	textMax: 3000,
	bioMax: 1500,
	linksMax: 5,
	urlMax: 500,
	countriesMax: 60,
	fieldsMax: 6,
	messageMax: 3000,
	reasonMax: 1000
} as const;
