// Turns an error code from the server into a sentence in the reader's language.
import * as m from '$lib/paraglide/messages';

type MessageFn = (inputs?: Record<string, never>) => string;

export function errorText(code: string | undefined): string {
	if (!code) return '';
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[`error_${code}`];
	return fn ? fn() : m.error_invalid_value();
}
