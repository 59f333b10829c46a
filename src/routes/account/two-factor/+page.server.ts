import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Two-factor sign-in for one's own account: set up an authenticator app (secret as text, otpauth://
// address, and a QR code drawn here as inline SVG, never fetched), recovery codes, turning it off.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	const status = await identity.twoFactorStatus(locals.actor);
	if (status.state === 'pending') {
		const svg = await QRCode.toString(status.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
		return { status: { state: status.state, required: status.required, secret: status.secret, uri: status.uri }, qr: svg.replace('<svg ', '<svg role="img" aria-labelledby="qr-label" focusable="false" ') };
	}
	if (status.state === 'on') return { status: { state: status.state, required: status.required, recoveryCodesLeft: status.recoveryCodesLeft, since: status.since.toISOString().slice(0, 10) }, qr: null };
	return { status: { state: status.state, required: status.required }, qr: null };
};

export const actions: Actions = {
	start: formAction(async (_form, { locals }) => {
		await identity.startTwoFactor(locals.actor);
		return { started: true };
	}),
	confirm: formAction(async ({ values }, { locals }) => {
		// the only time the recovery codes are shown
		return { recoveryCodes: (await identity.confirmTwoFactor(locals.actor, { code: values.code })).recoveryCodes };
	}),
	regenerate: formAction(async ({ values }, { locals }) => {
		return { recoveryCodes: (await identity.regenerateRecoveryCodes(locals.actor, { code: values.code })).recoveryCodes };
	}),
	disable: formAction(async ({ values }, { locals }) => {
		await identity.disableTwoFactor(locals.actor, { current: values.current, code: values.code });
		return { disabled: true };
	})
};
