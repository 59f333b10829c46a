// The learning content as this request's reader sees it: where the deployment replaces unreviewed
// texts of the reader's language by the original (the translations module's display setting),
// items no native speaker has reviewed come in English, marked "not yet translated".
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import * as translations from '$lib/server/translations';

export async function readerContent(): Promise<learning.LearnContent> {
	return learning.readerContent(await translations.hiddenLocale(getLocale()));
}

/** The status to show in the unreviewed-text note: the item's status in the reader's language. */
export function statusHere(item: { translations: learning.Translations }): string | null {
	return item.translations[getLocale()]?.status ?? null;
}
