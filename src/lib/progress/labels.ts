// Labels of the assessment form that depend on the reader's number conventions.
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n';

/** The label of a percent answer, with the range written the locale's way ("0%–100%", "0–100 %", "٠٪–١٠٠٪"). */
export function percentAnswerLabel(locale: Locale): string {
	const range = new Intl.NumberFormat(locale, { style: 'percent' }).formatRange(0, 1);
	return m.progress_answer_percent({ range }, { locale });
}
