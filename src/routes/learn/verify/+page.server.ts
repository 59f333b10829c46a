import * as learning from '$lib/server/learning';
import type { Actions, PageServerLoad } from './$types';

const MAX = 100_000;

export const load: PageServerLoad = () => ({ issuerUrl: `${learning.origin()}/learn/issuer` });

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData().catch(() => new FormData());
		let text = String(form.get('credential') ?? '').trim();
		const file = form.get('file');
		if (!text && file instanceof File && file.size > 0) text = file.size <= MAX ? (await file.text()).trim() : '';
		if (!text) return { outcome: null, empty: true, text: '' };
		if (text.length > MAX) return { outcome: { valid: false as const, status: 'unreadable' as const }, empty: false, text: '' };
		const outcome = await learning.verifyCredential(text);
		return { outcome, empty: false, text: text.slice(0, 20_000) };
	}
};
