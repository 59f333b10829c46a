import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

const NONE = '00000000-0000-0000-0000-000000000000';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { event, registrations } = await events.eventForOrganiser(locals.actor, params.id).catch(rethrowAsPage);
	const locale = getLocale();
	const regs = registrations.map((r) => events.presentForOrganiser(r, event));
	const counted = regs.filter((r) => ['confirmed', 'pending', 'held'].includes(r.status));
	return {
		event: { ...events.presentSummary(event, counted.reduce((n, r) => n + r.places, 0), locale), status: event.status },
		registrations: regs,
		totals: {
			places: counted.reduce((n, r) => n + r.places, 0),
			adults: counted.reduce((n, r) => n + r.adults, 0),
			children: counted.reduce((n, r) => n + r.children, 0),
			waiting: regs.filter((r) => r.status === 'waiting').length,
			checkedIn: regs.filter((r) => r.checkedIn).length,
			certificates: regs.filter((r) => r.certificateId).length
		}
	};
};

export const actions: Actions = {
	publish: formAction(async (_f, { locals, params }) => {
		await events.publishEvent(locals.actor, params.id);
		return { done: 'published' };
	}),
	cancel: formAction(async (form, { locals, params }) => {
		await events.cancelEvent(locals.actor, params.id, { reason: form.values.reason ?? '' });
		return { done: 'cancelled' };
	}),
	decide: formAction(async (form, { locals }) => {
		await events.decideRegistration(locals.actor, isUuid(form.values.registration ?? '') ? form.values.registration : NONE, form.values.decision === 'approve' ? 'approve' : 'reject');
		return { done: 'decided' };
	}),
	message: formAction(async (form, { locals, params }) => {
		const count = await events.messageParticipants(locals.actor, params.id, { subject: form.values.subject ?? '', body: form.values.body ?? '' });
		return { done: 'messaged', count };
	}),
	certificates: formAction(async (_f, { locals, params }) => {
		const count = await events.issueAttendanceCertificates(locals.actor, params.id);
		return { done: 'certificates', count };
	})
};
