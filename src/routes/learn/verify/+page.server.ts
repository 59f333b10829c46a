import * as learning from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

const MAX = 100_000;

export const load: PageServerLoad = () => ({ issuerUrl: `${learning.origin()}/learn/issuer` });

export const actions: Actions = {
	default: formAction(async (form) => {
		let text = (form.values.credential ?? '').trim();
		const [file] = form.files('file');
		if (!text && file) text = file.size <= MAX ? (await file.text()).trim() : '';
		if (!text) return { outcome: null, empty: true, text: '' };
		if (text.length > MAX) return { outcome: { valid: false as const, status: 'unreadable' as const }, empty: false, text: '' };
		const outcome = await learning.verifyCredential(text);
		return { outcome, empty: false, text: text.slice(0, 20_000) };
	})
};
