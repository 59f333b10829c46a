import { error } from '@sveltejs/kit';
import * as federation from '$lib/server/federation';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

// Federation back office: this instance's identity and keys, the members a hub pulls from with
// the state of each, and the log of recent pulls (failures with their reason).
export const load: PageServerLoad = async ({ locals }) => {
	if (!federation.can(locals.actor, 'federation.view')) error(403, 'forbidden');
	const o = await federation.overview(locals.actor);
	const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : null);
	return {
		settings: o.settings,
		keys: o.keys.map((k) => ({ fingerprint: k.fingerprint, validFrom: k.validFrom.slice(0, 10), validUntil: k.validUntil?.slice(0, 10) ?? null })),
		members: o.members.map((m) => ({
			id: m.id,
			origin: m.origin,
			name: m.name,
			fingerprint: m.fingerprint,
			countries: m.countries,
			failures: m.failures,
			lastError: m.lastError,
			lastSuccessAt: iso(m.lastSuccessAt),
			nextPullAt: iso(m.nextPullAt),
			scores: m.scores,
			services: m.services,
			events: m.events,
			feeds: Object.entries(m.feeds).map(([feed, f]) => ({ feed, sequence: f.sequence, created: iso(new Date(f.created)) }))
		})),
		pulls: o.pulls.map((p) => ({ id: p.id, at: iso(p.at)!, member: o.origins[p.memberId] ?? '', feed: p.feed ?? '', outcome: p.outcome, detail: [p.code, p.sequence ? `#${p.sequence}` : '', p.outcome === 'applied' ? '' : (p.detail ?? '')].filter(Boolean).join(' · ') }))
	};
};

export const actions: Actions = {
	settings: formAction(async ({ values }, { locals }) => {
		await federation.saveSettings(locals.actor, { name: values.name ?? '', countries: values.countries ?? '', role: values.role ?? '' });
		return { saved: true };
	}),
	rotate: formAction(async (_form, { locals }) => ({ rotated: (await federation.rotateKey(locals.actor)).current })),
	register: formAction(async ({ values }, { locals }) => ({
		registered: await federation.registerMember(locals.actor, { origin: values.origin ?? '', name: values.name ?? '', fingerprint: values.fingerprint ?? '', countries: values.countries ?? '' })
	})),
	pull: formAction(async ({ values }, { locals }) => {
		const reports = await federation.pullNow(locals.actor, values.id ?? '');
		return { pulled: reports.map((r) => `${r.feed}: ${r.outcome}${r.code ? ` (${r.code})` : ''}`).join(', ') };
	}),
	remove: formAction(async ({ values }, { locals }) => {
		await federation.removeMember(locals.actor, values.id ?? '');
		return { removed: true };
	})
};
