// Words for bands, statuses and scale points in the reader's language.
import * as m from '$lib/paraglide/messages';

export function bandLabel(band: string): string {
	if (band === 'under-9') return m.participation_band_under_9();
	if (band === '9-12') return m.participation_band_9_12();
	if (band === '13-18') return m.participation_band_13_18();
	return band;
}

export function statusLabel(status: string): string {
	switch (status) {
		case 'open':
			return m.participation_status_open();
		case 'scheduled':
			return m.participation_status_scheduled();
		case 'responded':
			return m.participation_status_responded();
		case 'closed':
			return m.participation_status_closed();
		case 'draft':
			return m.participation_status_draft();
		case 'in_review':
			return m.participation_status_in_review();
		case 'approved':
			return m.participation_status_approved();
		default:
			return status;
	}
}

const SCALE = () => [m.participation_scale_1(), m.participation_scale_2(), m.participation_scale_3(), m.participation_scale_4(), m.participation_scale_5()];
export const FACES = ['😞', '🙁', '😐', '🙂', '😄'];

/** The words for a scale point '1'..'5'. */
export function scaleLabel(point: string): string {
	return SCALE()[Number(point) - 1] ?? point;
}

/** A day 'YYYY-MM-DD' in the reader's words. */
export function dayText(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z'));
}
