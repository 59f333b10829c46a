/**
 * Grouped horizontal bars: the same categories (usually the five pillars) for several series
 * (countries, regions, the world) side by side. Every bar is labelled with its series name and
 * value; series also differ by fill pattern, so the chart reads in greyscale and without colour.
 */
import { bar, defaultFormat, patternDefs, safeId, seriesFill, seriesStroke, shell, SMALL, textLine, track, type ChartBase } from './svg';

export interface Series {
	name: string;
	/** One value per category, in the same order; null = no value. */
	values: (number | null)[];
}

export interface GroupedBarOptions extends ChartBase {
	max?: number;
	missingText: string;
	unit?: string;
}

const HEAD = 26; // category heading line
const LABEL = 15; // series label baseline within its row
const BAR_Y = 19;
const BAR_H = 12;
const ROW = 36;
const GAP = 8;

/** Categories as groups, one bar per series within each group. */
export function groupedBarChart(categories: string[], series: Series[], options: GroupedBarOptions): string {
	const dir = options.dir ?? 'ltr';
	const format = options.format ?? defaultFormat;
	const max = options.max && options.max > 0 ? options.max : 100;
	const prefix = safeId(options.id);
	let y = 4;
	let body = patternDefs(prefix, series.length);
	categories.forEach((category, c) => {
		body += textLine(category, y + 18, { dir, weight: 'bold' });
		y += HEAD;
		series.forEach((s, i) => {
			const v = s.values[c];
			const has = typeof v === 'number' && Number.isFinite(v);
			const text = `${s.name}: ${has ? `${format(v as number)}${options.unit ?? ''}` : options.missingText}`;
			body += textLine(text, y + LABEL, { dir, size: SMALL });
			body += track(y + BAR_Y, BAR_H);
			if (has) body += bar(((v as number) / max) * 100, y + BAR_Y, BAR_H, seriesFill(prefix, i), dir, seriesStroke(i));
			y += ROW;
		});
		y += GAP;
	});
	return shell(options, y + 4, body, 'chart-grouped');
}

