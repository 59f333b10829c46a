import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import { localized } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import { Forbidden, NotFound, ValidationError } from '$lib/server/platform/errors';
import { db } from '$lib/server/db';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Learn back office: whether the content files are valid (every problem, by file), issued
// certificates with revocation (admins), the certificate signing keys with rotation (admins), and
// the way to the xAPI export.
export const load: PageServerLoad = async ({ locals }) => {
	if (!learning.canLearn(locals.actor, 'content.review')) error(403, 'forbidden');
	const { content, problems } = learning.readLearnContent();
	const isAdmin = learning.canLearn(locals.actor, 'certificate.revoke');
	const certs = isAdmin ? await learning.listCertificates(locals.actor) : [];
	const keys = isAdmin ? await learning.issuerKeyList(db()) : [];
	return {
		problems,
		sets: content.guidelines.length,
		courses: content.courses.map((c) => ({ id: c.id, title: localized(c.title) })),
		isAdmin,
		keys: keys.map((k) => ({ id: k.methodId.slice(k.methodId.indexOf('#') + 1), createdAt: k.createdAt.toISOString().slice(0, 10), retiredAt: k.retiredAt?.toISOString().slice(0, 10) ?? null, publicKeyMultibase: k.publicKeyMultibase })),
		certificates: certs.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString().slice(0, 10), revokedAt: c.revokedAt?.toISOString().slice(0, 10) ?? null }))
	};
};

export const actions: Actions = {
	rotateKey: formAction(async ({ values }, { locals }) => {
		if (!learning.canLearn(locals.actor, 'issuer.rotate')) throw new Forbidden();
		if (values.confirm !== 'yes') throw new ValidationError({ confirm: 'learn_rotate_confirm_required' });
		const { current } = await learning.rotateCertificateKey(locals.actor);
		return { rotated: current.slice(current.indexOf('#') + 1) };
	}),
	revoke: formAction(async ({ values }, { locals }) => {
		if (!isUuid(values.id ?? '')) throw new NotFound('learn_certificate_not_found');
		await learning.revokeCertificate(locals.actor, values.id, { reason: values.reason ?? '' });
		return { revoked: values.id };
	})
};
