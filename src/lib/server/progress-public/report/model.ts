// The report model: sections of text, fact lists, tables, charts and maps, in the reader's language.
import { href, type Locale } from '$lib/i18n';
import { type Tier } from '$lib/progress/model';
import { type Series } from '$lib/progress/charts';

/** Course counts below this many learners are not published (the same threshold as country groups). */
export const MIN_LEARNERS = 3;

export interface Cell {
	text: string;
	href?: string;
	/** language of the text when it is a fallback (authored text not yet translated) */
	lang?: string;
	fallback?: boolean;
	muted?: boolean;
	numeric?: boolean;
	/** tier class for a swatch beside the text (tables beside the map) */
	swatch?: string;
}
export interface Row {
	head: Cell;
	cells: Cell[];
}
export interface Table {
	caption: string;
	head: string[];
	rows: Row[];
}

export type Chart =
	| { type: 'bars'; id: string; title: string; desc: string; items: { label: string; value: number | null; note?: string }[]; max: number; marks?: number[]; missingText: string }
	| { type: 'tiers'; id: string; title: string; desc: string; counts: Record<Tier, number> | null; labels: Record<Tier, string>; suppressedText: string }
	| { type: 'grouped'; id: string; title: string; desc: string; categories: string[]; series: Series[]; missingText: string }
	| { type: 'trend'; id: string; title: string; desc: string; periods: number[]; series: Series[]; emptyText: string }
	| { type: 'completion'; id: string; title: string; desc: string; done: number; total: number; summary: string; emptyText: string };

export type Block =
	| { kind: 'text'; text: string; tone?: 'note' | 'warning' }
	| { kind: 'facts'; items: { term: string; value: string }[] }
	| { kind: 'chart'; chart: Chart; svg: string; table: Table | null }
	| { kind: 'table'; table: Table }
	| { kind: 'map'; svg: string };

export interface Section {
	id: string;
	title: string;
	blocks: Block[];
}

export interface ReportDoc {
	title: string;
	/** lines under the title: scope, framework version, when it was made */
	meta: string[];
	lang: Locale;
	dir: 'ltr' | 'rtl';
	/** the demo-data banner, saying exactly which figures on the page are demo; null: every figure is real */
	demo: string | null;
	/** nothing published for the period */
	empty: boolean;
	sections: Section[];
}

export interface BuildOptions {
	locale: Locale;
	now?: Date;
	/** 'report': adds the method section and the "made on" line; 'dashboard': adds the map and links */
	mode: 'report' | 'dashboard';
}
