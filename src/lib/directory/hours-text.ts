// Opening hours as one line of text, both ways: the compact form the CSV import reads and the HSDS
// export writes in `schedules.description` (see docs/hsds.md), e.g.
// `Mo-Fr 08:00-20:00; Sa 10:00-14:00; 2026-12-25 closed (Christmas)` or `24/7`. The zone travels
// beside the text (a CSV column, the HSDS attribute), never inside it. Pure; runs anywhere.
// formatHoursSpec(h) read back with parseHoursSpec(text, h.timezone) gives h again (hours-text.test.ts).
import { validateHours } from './hours';
import type { Hours, HoursException, Weekday, WeeklyRule } from './hours-types';

// ---------------------------------------------------------------- writing

export const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_SHORT = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
/** Monday first, as people write weeks. */
export const WEEK_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function dayList(days: Weekday[]): string {
	const set = new Set(days);
	const parts: string[] = [];
	let i = 0;
	while (i < WEEK_ORDER.length) {
		if (!set.has(WEEK_ORDER[i])) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < WEEK_ORDER.length && set.has(WEEK_ORDER[j + 1])) j++;
		if (j - i >= 2) parts.push(`${DAY_SHORT[WEEK_ORDER[i]]}-${DAY_SHORT[WEEK_ORDER[j]]}`);
		else for (let k = i; k <= j; k++) parts.push(DAY_SHORT[WEEK_ORDER[k]]);
		i = j + 1;
	}
	return parts.join(',');
}

/** Weekly rules grouped by their times, in order of first appearance: [{days, opens, closes}]. */
export function groupWeekly(hours: Hours): { days: Weekday[]; opens: string; closes: string }[] {
	const groups = new Map<string, { days: Weekday[]; opens: string; closes: string }>();
	for (const r of hours.weekly) {
		const key = `${r.opens}-${r.closes}`;
		const g = groups.get(key) ?? { days: [], opens: r.opens, closes: r.closes };
		if (!g.days.includes(r.day)) g.days.push(r.day);
		groups.set(key, g);
	}
	return [...groups.values()];
}

/**
 * Hours in the compact text form the CSV import reads (see docs/hsds.md), without the zone:
 * `Mo-Fr 08:00-20:00; Sa 10:00-14:00; 2026-12-25 closed (Christmas)` or `24/7`.
 * Days sharing several time ranges are written once per range.
 */
export function formatHoursSpec(hours: Hours): string {
	const items: string[] = [];
	if (hours.always) items.push('24/7');
	else for (const g of groupWeekly(hours)) items.push(`${dayList(g.days)} ${g.opens}-${g.closes}`);
	for (const x of hours.exceptions) {
		const what = x.closed ? 'closed' : `${x.opens}-${x.closes}`;
		items.push(`${x.date} ${what}${x.note ? ` (${x.note.replace(/[()]/g, '')})` : ''}`);
	}
	return items.join('; ');
}

// ---------------------------------------------------------------- reading

const DAY_NAMES: Record<string, Weekday> = { su: 0, mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6 };

function day(s: string): Weekday | undefined {
	const k = s.trim().toLowerCase();
	// Mo, Mon, Monday
	if (!/^[a-z]{2,9}$/.test(k)) return undefined;
	const d = DAY_NAMES[k.slice(0, 2)];
	const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][d ?? 0];
	return d !== undefined && full.startsWith(k) ? d : undefined;
}

/** "Mo-Fr", "Sa,Su", "Fr-Mo" (wraps), "daily" -> weekdays in written order; undefined when unreadable. */
function days(spec: string): Weekday[] | undefined {
	if (/^(daily|every ?day)$/i.test(spec.trim())) return [...WEEK_ORDER];
	const out: Weekday[] = [];
	for (const part of spec.split(',')) {
		const [a, b, extra] = part.split('-');
		if (extra !== undefined) return undefined;
		const from = day(a);
		if (from === undefined) return undefined;
		if (b === undefined) {
			out.push(from);
			continue;
		}
		const to = day(b);
		if (to === undefined) return undefined;
		for (let k = WEEK_ORDER.indexOf(from); ; k = (k + 1) % 7) {
			out.push(WEEK_ORDER[k]);
			if (WEEK_ORDER[k] === to) break;
		}
	}
	return out;
}

const TIME = /^(\d{1,2}):(\d{2})$/;
const padTime = (t: string) => {
	const m = TIME.exec(t.trim());
	return m ? `${m[1].padStart(2, '0')}:${m[2]}` : undefined;
};

function range(s: string): { opens: string; closes: string } | undefined {
	const parts = s.split('-');
	if (parts.length !== 2) return undefined;
	const opens = padTime(parts[0]);
	const closes = padTime(parts[1]);
	return opens && closes ? { opens, closes } : undefined;
}

/** Splits on `;` outside parentheses (notes may contain anything but parentheses). */
function items(spec: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let cur = '';
	for (const ch of spec) {
		if (ch === '(') depth++;
		if (ch === ')') depth = Math.max(0, depth - 1);
		if (ch === ';' && depth === 0) {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * Reads hours written as text, for `timezone`:
 *   `24/7`                                   open around the clock
 *   `Mo-Fr 08:00-20:00; Sa 10:00-14:00`      weekly rules (days: Mo Tu We Th Fr Sa Su, ranges, lists, `daily`)
 *   `Mo-Fr 09:00-12:00,13:00-17:00`          several ranges a day
 *   `Fr 22:00-02:00`                         past midnight (closes the next day)
 *   `2026-12-25 closed (Christmas)`          a dated exception, with an optional note
 *   `2026-12-24 10:00-14:00`                 special hours that day
 * Items are separated by `;`. Returns the hours, or an error code: 'hours_syntax' when the text
 * cannot be read, otherwise the code `validateHours` gives (e.g. 'time_invalid', 'timezone_invalid').
 */
export function parseHoursSpec(spec: string, timezone: string): { hours: Hours; error?: undefined } | { hours?: undefined; error: string } {
	const list = items(spec);
	if (list.length === 0) return { error: 'hours_empty' };
	let always = false;
	const weekly: WeeklyRule[] = [];
	const exceptions: HoursException[] = [];
	for (const item of list) {
		if (/^24\s*\/\s*7$/.test(item)) {
			always = true;
			continue;
		}
		const ex = /^(\d{4}-\d{2}-\d{2})\s+(closed|[\d:]+\s*-\s*[\d:]+)\s*(?:\(([^()]*)\))?$/i.exec(item);
		if (ex) {
			const e: HoursException = { date: ex[1] };
			if (/^closed$/i.test(ex[2])) e.closed = true;
			else {
				const r = range(ex[2]);
				if (!r) return { error: 'hours_syntax' };
				e.opens = r.opens;
				e.closes = r.closes;
			}
			if (ex[3]?.trim()) e.note = ex[3].trim();
			exceptions.push(e);
			continue;
		}
		const wk = /^([A-Za-z][A-Za-z ,-]*?)\s+(\d[\d:\s,-]*)$/.exec(item);
		if (!wk) return { error: 'hours_syntax' };
		const ds = days(wk[1].replace(/\s+/g, ''));
		const ranges = wk[2].split(',').map(range);
		if (!ds || ranges.some((r) => !r)) return { error: 'hours_syntax' };
		for (const d of ds)
			for (const r of ranges) {
				if (!weekly.some((w) => w.day === d && w.opens === r!.opens && w.closes === r!.closes)) weekly.push({ day: d, opens: r!.opens, closes: r!.closes });
			}
	}
	if (always && weekly.length) return { error: 'hours_syntax' };
	const hours: Hours = { timezone, always, weekly, exceptions };
	const invalid = validateHours(hours);
	return invalid ? { error: invalid } : { hours };
}
