// Edge helpers for the network forms: keep every value of a repeated field after a failure (the
// shared edge keeps the first of each), and the visitor's address for rate limits.
import type { RequestEvent } from '@sveltejs/kit';
import { failure, readPostedForm, type PostedForm } from '$lib/server/platform/edge';
import { isDomainError } from '$lib/server/platform/errors';

const REPEATED = ['countries', 'languages', 'topics', 'fields', 'public'];

/** A form action whose failure page gets every value of the repeated fields back, joined by line breaks. */
export function keepAll<R, E extends RequestEvent>(run: (form: PostedForm, event: E) => Promise<R>) {
	return async (event: E) => {
		let form: PostedForm | null = null;
		try {
			form = await readPostedForm(event.request);
			return await run(form, event);
		} catch (e) {
			if (!isDomainError(e)) throw e;
			const values = { ...(form?.values ?? {}) };
			if (form) for (const k of REPEATED) values[k] = form.all(k).join('\n');
			return failure(e, values);
		}
	};
}

export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | undefined {
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}
