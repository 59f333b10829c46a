// The authorization matrix: every route under src/routes with who may load it, call each of its
// form actions and each of its HTTP methods. src/routes/authorization.test.ts discovers the route
// files and fails when one (or an action, or a method) is missing here, or when this table names
// one that no longer exists; then it calls each part as the actors that must be refused.
// See docs/security.md, "Authorization matrix".
import type { Role } from '$lib/identity/roles';

/**
 * - `public`: anyone, no account (nothing to refuse).
 * - `link`: anyone holding a private link (a random token in the URL): a wrong link is refused and writes nothing.
 * - `published`: anyone reads a published object; the test points the route at an unpublished one, which is refused to everyone without a role for it.
 * - `signed-in`: any account; anonymous callers are refused.
 * - `owner`: an account, and only the object's owner (the test points at another account's object).
 * - roles: anonymous, an account with no role and every other role (admin holds every role) are refused;
 *   with `scoped`, the test points the route at an object of Kenya and the same roles granted for another
 *   country or region are refused too.
 */
export type Rule = 'public' | 'link' | 'published' | 'signed-in' | 'owner' | { roles: readonly Role[]; scoped?: boolean };

/** Objects made once for the whole test (see authorization.test.ts), all about Kenya unless named. */
export interface Fixtures {
	/** a random UUID that names nothing */
	nothing: string;
	assessmentKE: string;
	serviceKE: string;
	requestKE: string;
	draftEventKE: string;
	draftDocumentKE: string;
	draftConsultationKE: string;
	applicationKE: string;
	/** a toolkit self-assessment saved by `owner` in the test */
	savedAssessment: string;
}

export interface RouteRules {
	/** values for the route's parameters; by default a random UUID for ids, KE for countries, a random token */
	params?: (f: Fixtures) => Record<string, string>;
	/** `+layout.server.ts` load */
	layout?: Rule;
	/** `+page.server.ts` load (checked with its layouts, as SvelteKit runs it) */
	load?: Rule;
	/** `+page.server.ts` form actions (checked alone: layouts do not guard actions) */
	actions?: Record<string, Rule>;
	/** `+server.ts` handlers */
	methods?: Record<string, Rule>;
}

const ADMIN = { roles: ['admin'] } as const;
const BACK_OFFICE = { roles: ['coordinator', 'directory_moderator', 'editor'] } as const;
const MODERATOR = { roles: ['directory_moderator'] } as const;
const MODERATOR_KE = { roles: ['directory_moderator'], scoped: true } as const;
const PROGRESS_VIEW = { roles: ['focal_point', 'validator', 'coordinator'] } as const;
const WORKSPACE = { roles: ['focal_point', 'validator', 'coordinator', 'organiser', 'safeguarding', 'editor', 'network_reviewer'] } as const;
const ORGANISER = { roles: ['organiser'] } as const;
const ORGANISER_KE = { roles: ['organiser'], scoped: true } as const;
const EDITOR = { roles: ['editor'] } as const;
const EDITOR_KE = { roles: ['editor'], scoped: true } as const;
const REVIEWER = { roles: ['network_reviewer'] } as const;
const REVIEWER_KE = { roles: ['network_reviewer'], scoped: true } as const;
const PARTICIPATION = { roles: ['organiser', 'safeguarding'] } as const;

export const MATRIX: Record<string, RouteRules> = {
	'/': { layout: 'public' },
	'/.well-known/cop-instance': { methods: { GET: 'public' } },

	// account: own data only
	'/account': { load: 'signed-in', actions: { profile: 'signed-in', password: 'signed-in', everywhere: 'signed-in' } },
	'/account/data': { methods: { GET: 'signed-in' } },
	'/account/delete': { load: 'signed-in', actions: { default: 'signed-in' } },
	'/account/email': { load: 'signed-in', actions: { default: 'signed-in' } },
	'/account/email/[token]': { load: 'public', actions: { default: 'link' } },
	'/account/tokens': { load: 'signed-in', actions: { create: 'signed-in', revoke: 'signed-in' } },
	// one's own second factor; staff who owe one are sent here by hooks.server.ts
	'/account/two-factor': { load: 'signed-in', actions: { start: 'signed-in', confirm: 'signed-in', regenerate: 'signed-in', disable: 'signed-in' } },

	// back office
	'/admin': { layout: BACK_OFFICE, load: BACK_OFFICE },
	'/admin/audit': { load: ADMIN },
	'/admin/directory': { load: MODERATOR },
	'/admin/directory/import': { load: MODERATOR, actions: { default: MODERATOR } },
	'/admin/directory/new': { load: MODERATOR, actions: { default: MODERATOR } },
	'/admin/directory/requests/[id=uuid]': { params: (f) => ({ id: f.requestKE }), load: MODERATOR, actions: { default: MODERATOR_KE } },
	'/admin/directory/services/[id=uuid]': { params: (f) => ({ id: f.serviceKE }), load: MODERATOR, actions: { save: MODERATOR_KE, texts: MODERATOR_KE, verify: MODERATOR_KE } },
	'/admin/federation': { load: ADMIN, actions: { settings: ADMIN, rotate: ADMIN, register: ADMIN, pull: ADMIN, remove: ADMIN } },
	'/admin/invites': { load: { roles: ['coordinator'] }, actions: { invite: { roles: ['coordinator'] }, revoke: { roles: ['coordinator'] } } },
	'/admin/learning': { load: EDITOR, actions: { revoke: ADMIN, rotateKey: ADMIN } },
	'/admin/outbox': { load: ADMIN },
	'/admin/outbox/[id=uuid]': { load: ADMIN },
	'/admin/progress': { load: ADMIN, actions: { importContent: ADMIN, upload: ADMIN, publish: ADMIN, retire: ADMIN, recompute: ADMIN } },
	'/admin/translations': { load: ADMIN, actions: { check: ADMIN, display: ADMIN } },
	'/admin/translations/export': { methods: { GET: ADMIN } },
	'/admin/users': { load: ADMIN },
	'/admin/users/[id=uuid]': { load: ADMIN, actions: { grant: ADMIN, access: ADMIN, revoke: ADMIN } },

	// open data API (personal access tokens and sessions only widen what is already public, except xAPI records)
	'/api/v1': { methods: { GET: 'public' } },
	'/api/v1/[...rest]': { methods: { fallback: 'public' } },
	'/api/v1/countries': { methods: { GET: 'public' } },
	'/api/v1/events': { methods: { GET: 'public' } },
	'/api/v1/federation/feeds/[feed]/[sequence]/[file]': { methods: { GET: 'public' } },
	'/api/v1/federation/feeds/[feed]/manifest.json': { methods: { GET: 'public' } },
	'/api/v1/hsds': { methods: { GET: 'public' } },
	'/api/v1/hsds/services': { methods: { GET: 'public' } },
	'/api/v1/hsds/services/[id=uuid]': { methods: { GET: 'public' } },
	'/api/v1/hsds/taxonomy_terms': { methods: { GET: 'public' } },
	'/api/v1/learning/statements': { methods: { GET: ADMIN } },
	'/api/v1/library/documents': { methods: { GET: 'public' } },
	'/api/v1/network/experts': { methods: { GET: 'public' } },
	'/api/v1/network/partners': { methods: { GET: 'public' } },
	'/api/v1/openapi.json': { methods: { GET: 'public' } },
	'/api/v1/participation/consultations': { methods: { GET: 'public' } },
	'/api/v1/participation/consultations/[id=uuid]/results': { params: (f) => ({ id: f.draftConsultationKE }), methods: { GET: 'published' } },
	'/api/v1/progress/observations.csv': { methods: { GET: 'public' } },
	'/api/v1/progress/observations.json': { methods: { GET: 'public' } },
	'/api/v1/progress/sdmx.csv': { methods: { GET: 'public' } },
	'/api/v1/regions': { methods: { GET: 'public' } },

	'/countries': { load: 'public' },
	'/embed/have-your-say/[id=uuid]': { params: (f) => ({ id: f.draftConsultationKE }), load: 'published', actions: { default: 'published' } },
	'/embed/help': { load: 'public' },

	// events
	'/events.ics': { methods: { GET: 'public' } },
	'/events': { load: 'public' },
	'/events/[id=uuid]': { params: (f) => ({ id: f.draftEventKE }), load: 'published', actions: { register: 'published' } },
	'/events/[id=uuid]/event.ics': { params: (f) => ({ id: f.draftEventKE }), methods: { GET: 'published' } },
	'/events/certificates/[id=uuid]': { load: 'link' },
	'/events/certificates/[id=uuid]/credential.json': { methods: { GET: 'link' } },
	'/events/registrations/[token]': { load: 'link', actions: { confirm: 'link', cancel: 'link', update: 'link' } },

	// have your say (children's consultations)
	'/have-your-say': { layout: 'public', load: 'public' },
	'/have-your-say/[id=uuid]': { params: (f) => ({ id: f.draftConsultationKE }), load: 'published', actions: { default: 'published' } },
	'/have-your-say/[id=uuid]/results': { params: (f) => ({ id: f.draftConsultationKE }), load: 'published' },
	'/have-your-say/campaign/[slug]': { load: 'public', actions: { default: 'public' } },

	'/healthz': { methods: { GET: 'public' } },

	// help finder
	'/help': { layout: 'public', load: 'public' },
	'/help/map': { load: 'public' },
	'/help/services/[id=uuid]': { load: 'public' },
	'/help/services/[id=uuid]/report': { load: 'public', actions: { default: 'public' } },
	'/help/suggest': { load: 'public', actions: { default: 'public' } },

	'/invite/[token]': { load: 'link', actions: { default: 'link' } },

	// kids zone
	'/kids': { layout: 'public', load: 'public' },
	'/kids/[band]': { load: 'public' },
	'/kids/[band]/[id]': { load: 'public' },
	'/kids/[band]/course': { load: 'public' },
	'/kids/[band]/course/[step]': { load: 'public' },
	'/kids/manifest.webmanifest': { methods: { GET: 'public' } },

	// learning
	'/learn': { load: 'public' },
	'/learn/adapt': { load: EDITOR, actions: { save: EDITOR, delete: EDITOR } },
	'/learn/certificates/[id=uuid].json': { methods: { GET: 'link' } },
	'/learn/certificates/[id=uuid]': { load: 'link' },
	'/learn/courses': { load: 'public' },
	'/learn/courses/[id]': { load: 'public', actions: { start: 'signed-in', country: 'signed-in' } },
	'/learn/courses/[id]/lessons/[lesson]': { load: 'public' },
	'/learn/courses/[id]/preview': { load: EDITOR },
	'/learn/courses/[id]/quiz/[quiz]': { load: 'public', actions: { default: 'public' } },
	'/learn/courses/preview': { load: EDITOR, actions: { default: EDITOR } },
	'/learn/guidelines': { load: 'public' },
	'/learn/guidelines/[set]': { load: 'public' },
	'/learn/guidelines/[set]/[section]': { load: 'public' },
	'/learn/issuer': { methods: { GET: 'public' } },
	'/learn/status': { methods: { GET: 'public' } },
	'/learn/verify': { load: 'public', actions: { default: 'public' } },

	// library
	'/library': { load: 'public' },
	'/library/[id=uuid]': { params: (f) => ({ id: f.draftDocumentKE }), load: 'published' },
	'/library/contributions': { load: 'public' },
	'/library/files/[id=uuid]': { methods: { GET: 'published' } },

	// network of partners and experts
	'/network': { load: 'public' },
	'/network/apply/expert': { load: 'public', actions: { apply: 'public' } },
	'/network/apply/partner': { load: 'public', actions: { apply: 'public' } },
	'/network/experts/[id=uuid]': { params: (f) => ({ id: f.applicationKE }), load: 'published', actions: { contact: 'published' } },
	'/network/manage/[token]': { load: 'link', actions: { confirm: 'link', answer: 'link', update: 'link', withdraw: 'link' } },
	'/network/mine': { load: 'signed-in', actions: { send: 'signed-in' } },
	'/network/partners/[id=uuid]': { params: (f) => ({ id: f.applicationKE }), load: 'published', actions: { contact: 'published' } },

	// accounts
	'/password/forgot': { actions: { default: 'public' } },
	'/password/reset/[token]': { actions: { default: 'link' } },
	'/signin': { load: 'public', actions: { default: 'public' } },
	// the code step: only a pending sign-in (the `cop_2fa` cookie set after the password) gets past it
	'/signin/two-factor': { load: 'link', actions: { default: 'link' } },
	'/signout': { load: 'public', actions: { default: 'public' } },
	'/signup': { load: 'public', actions: { default: 'public' } },
	'/signup/[token]': { load: 'public', actions: { default: 'link' } },

	// progress dashboards
	'/progress': { load: 'public' },
	'/progress/countries/[iso2]': { load: 'public' },
	'/progress/legal': { load: 'public' },
	'/progress/method': { load: 'public' },
	'/progress/regions/[region]': { load: 'public' },
	'/progress/report.pdf': { methods: { GET: 'public' } },
	'/progress/report': { load: 'public' },

	// toolkits
	'/toolkits': { load: 'public' },
	'/toolkits/[id]': { load: 'public' },
	'/toolkits/[id]/assess': { load: 'public', actions: { result: 'public', edit: 'public', plan: 'public', save: 'signed-in' } },
	'/toolkits/[id]/saved': { load: 'signed-in' },
	'/toolkits/[id]/saved/[sid=uuid]': { params: (f) => ({ id: 'sports', sid: f.savedAssessment }), load: 'owner', actions: { delete: 'owner' } },

	// workspace
	'/workspace': { layout: WORKSPACE, load: WORKSPACE, actions: { open: { roles: ['focal_point'] } } },
	'/workspace/assessments/[id=uuid]': {
		params: (f) => ({ id: f.assessmentKE }),
		load: { ...PROGRESS_VIEW, scoped: true },
		actions: { submit: { roles: ['focal_point'], scoped: true }, context: { roles: ['focal_point'], scoped: true }, dismiss: { roles: ['focal_point'], scoped: true } }
	},
	'/workspace/assessments/[id=uuid]/[pillar]': {
		params: (f) => ({ id: f.assessmentKE, pillar: 'legal' }),
		load: { ...PROGRESS_VIEW, scoped: true },
		actions: {
			save: { roles: ['focal_point'], scoped: true },
			removeEvidence: { roles: ['focal_point'], scoped: true },
			decide: { roles: ['validator'], scoped: true },
			reply: { roles: ['focal_point'], scoped: true },
			reopen: { roles: ['coordinator'], scoped: true }
		}
	},
	'/workspace/events': { layout: ORGANISER, load: ORGANISER },
	'/workspace/events/[id=uuid]': {
		params: (f) => ({ id: f.draftEventKE }),
		load: ORGANISER_KE,
		actions: { publish: ORGANISER_KE, cancel: ORGANISER_KE, decide: ORGANISER_KE, message: ORGANISER_KE, certificates: ORGANISER_KE }
	},
	'/workspace/events/[id=uuid]/checkin': { params: (f) => ({ id: f.draftEventKE }), load: ORGANISER_KE, actions: { mark: ORGANISER_KE } },
	'/workspace/events/[id=uuid]/edit': { params: (f) => ({ id: f.draftEventKE }), load: ORGANISER_KE, actions: { default: ORGANISER_KE } },
	'/workspace/events/[id=uuid]/registrations.csv': { params: (f) => ({ id: f.draftEventKE }), methods: { GET: ORGANISER_KE } },
	'/workspace/events/new': { load: ORGANISER, actions: { default: ORGANISER } },
	'/workspace/evidence/[id=uuid]': { methods: { GET: PROGRESS_VIEW } },
	'/workspace/library': { layout: EDITOR, load: EDITOR },
	'/workspace/library/[id=uuid]': {
		params: (f) => ({ id: f.draftDocumentKE }),
		load: EDITOR_KE,
		actions: { save: EDITOR_KE, upload: EDITOR_KE, remove: EDITOR_KE, publish: EDITOR_KE, withdraw: EDITOR_KE }
	},
	'/workspace/library/new': { load: EDITOR, actions: { save: EDITOR } },
	'/workspace/network': { layout: REVIEWER, load: REVIEWER },
	'/workspace/network/[id=uuid]': { params: (f) => ({ id: f.applicationKE }), load: REVIEWER_KE, actions: { ask: REVIEWER_KE, accept: REVIEWER_KE, decline: REVIEWER_KE } },
	'/workspace/participation': { load: PARTICIPATION },
	'/workspace/participation/[id=uuid]': {
		params: (f) => ({ id: f.draftConsultationKE }),
		load: { ...PARTICIPATION, scoped: true },
		actions: {
			update: { roles: ['organiser'], scoped: true },
			submit: { roles: ['organiser'], scoped: true },
			review: { roles: ['safeguarding'], scoped: true },
			publish: { roles: ['organiser'], scoped: true },
			close: { roles: ['organiser'], scoped: true },
			version: { roles: ['organiser'], scoped: true },
			codes: { roles: ['organiser'], scoped: true },
			respond: { roles: ['organiser'], scoped: true },
			moderate: { roles: ['safeguarding'], scoped: true }
		}
	},
	'/workspace/participation/new': { load: PARTICIPATION, actions: { default: { roles: ['organiser'] } } },
	'/workspace/queue': { load: PROGRESS_VIEW },
	'/workspace/roadmaps/[country]': { params: () => ({ country: 'KE' }), load: { ...PROGRESS_VIEW, scoped: true }, actions: { create: { roles: ['focal_point'], scoped: true } } },
	'/workspace/roadmaps/[country]/[action=uuid]': { params: (f) => ({ country: 'KE', action: f.nothing }), load: { ...PROGRESS_VIEW, scoped: true }, actions: { update: { roles: ['focal_point'], scoped: true }, delete: { roles: ['focal_point'], scoped: true } } }
};

/**
 * Protected actions that read and validate the form before they authorise, so that an empty form
 * from someone without the right answers 400 (the form's problem) instead of 401/403: nothing is
 * written or shown, but a stranger learns that the action exists and what it expects. The test
 * accepts 400 only from actions listed here (still never a 2xx, never a write) and fails when one
 * no longer needs it, so the list only shrinks. Issue 11 found 28 and fixed them all (the commands
 * now authorise on the actor, and on the object named in the URL, before they parse); keep it empty.
 */
export const VALIDATES_BEFORE_AUTHORISING: readonly string[] = [];
