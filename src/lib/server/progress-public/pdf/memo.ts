// Status report PDFs kept in this process while nothing behind them changed: rendering one takes
// a few hundred milliseconds (fonts subset, charts drawn), and the same report is downloaded many
// times between two validations. Keyed by the report's scope, period and language, and by the
// counters of what it reads: published progress (the memo's own tag), course completions
// (learning) and what readers see of translations; plus the day, since it is dated.
import * as cache from '../../platform/cache';

export interface MemoPdf {
	pdf: Buffer;
	/** the period shown (the latest published when none was asked for) */
	period: number | null;
}

const memo = new cache.TagMemo<MemoPdf | null>('progress', 32);

/** The PDF for `key` (scope, period, language), made by `make` when not kept; null when `make` says the request is invalid. */
export async function memoReportPdf(key: string, make: () => Promise<MemoPdf | null>): Promise<MemoPdf | null> {
	const [learning, translations] = await Promise.all([cache.readVersion('learning'), cache.readVersion('translations')]);
	return memo.get(`${key}|learning:${learning}|translations:${translations}|${new Date().toISOString().slice(0, 10)}`, make);
}
