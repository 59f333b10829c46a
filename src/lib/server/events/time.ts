// Wall-clock times in an event's own IANA time zone <-> instants. No library: Intl knows the zones.

/** Is this an IANA zone name this runtime knows? */
export function isTimeZone(tz: string): boolean {
	if (!tz || tz.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

function parts(date: Date, tz: string) {
	const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
	const o: Record<string, number> = {};
	for (const p of f.formatToParts(date)) if (p.type !== 'literal') o[p.type] = Number(p.value);
	return o as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of `tz` from UTC at instant `date`, in minutes (east positive). */
export function offsetMinutes(date: Date, tz: string): number {
	const p = parts(date, tz);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2026-03-14T09:30` in `Africa/Nairobi` -> the instant. Null when the text is not such a time. */
export function zonedToUtc(local: string, tz: string): Date | null {
	const m = LOCAL.exec(local);
	if (!m || !isTimeZone(tz)) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	const guess = Date.UTC(y, mo - 1, d, h, mi, s);
	if (Number.isNaN(guess)) return null;
	// two passes settle the offset, also across a daylight-saving change
	let t = guess - offsetMinutes(new Date(guess), tz) * 60000;
	t = guess - offsetMinutes(new Date(t), tz) * 60000;
	return new Date(t);
}

/** The instant as `YYYY-MM-DDTHH:mm` on the wall clock of `tz` (for datetime-local inputs). */
export function utcToZoned(date: Date, tz: string): string {
	const p = parts(date, tz);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
