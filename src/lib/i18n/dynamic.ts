// Messages chosen by a value at run time (a topic id, a kind): `label('help_topic', 'grooming')`.
import * as m from '$lib/paraglide/messages';

type MessageFn = (inputs?: Record<string, unknown>) => string;

export function label(prefix: string, id: string, inputs?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[`${prefix}_${id}`];
	return fn ? fn(inputs) : id;
}
