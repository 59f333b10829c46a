// Pure rules about a consultation's life: which phase it is in on a given day, when results show,
// when its answers expire.
export type Phase = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'open' | 'closed';

/** A UTC calendar day, 'YYYY-MM-DD': the only precision at which anything about a child's answer is dated. */
export function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	const d = new Date(day + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + days);
	return isoDay(d);
}

interface Dated {
	status: string;
	opensOn: string;
	closesOn: string;
}

/** Published consultations open on their opening day and close after their closing day (or when closed by hand). */
export function phase(c: Dated, today: string): Phase {
	if (c.status === 'draft' || c.status === 'in_review' || c.status === 'approved') return c.status;
	if (c.status === 'closed' || today > c.closesOn) return 'closed';
	return today < c.opensOn ? 'scheduled' : 'open';
}

/** Results are public once closed, or while open when the organiser chose live results. */
export function resultsVisible(c: Dated & { liveResults: boolean }, today: string): boolean {
	const p = phase(c, today);
	return p === 'closed' || (p === 'open' && c.liveResults);
}

/** The first day on which a closed consultation's answers are past their retention period. */
export function expiresOn(c: { closesOn: string; retentionDays: number }): string {
	return addDays(c.closesOn, c.retentionDays + 1);
}
