import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import { localized } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import { NotFound } from '$lib/server/platform/errors';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Learn back office: whether the content files are valid (every problem, by file), issued
// certificates with revocation (admins), and the way to the xAPI export.
export const load: PageServerLoad = async ({ locals }) => {
	if (!learning.canLearn(locals.actor, 'content.review')) error(403, 'forbidden');
	const { content, problems } = learning.readLearnContent();
	const isAdmin = learning.canLearn(locals.actor, 'certificate.revoke');
	const certs = isAdmin ? await learning.listCertificates(locals.actor) : [];
	return {
		problems,
		sets: content.guidelines.length,
		courses: content.courses.map((c) => ({ id: c.id, title: localized(c.title) })),
		isAdmin,
		certificates: certs.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString().slice(0, 10), revokedAt: c.revokedAt?.toISOString().slice(0, 10) ?? null }))
	};
};

export const actions: Actions = {
	revoke: formAction(async ({ values }, { locals }) => {
		if (!isUuid(values.id ?? '')) throw new NotFound('learn_certificate_not_found');
		await learning.revokeCertificate(locals.actor, values.id, { reason: values.reason ?? '' });
		return { revoked: values.id };
	})
};
