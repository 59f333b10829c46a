// The status report as a PDF, drawn on the server with pdfkit (no browser, no network): the same
// sections as the HTML page, charts drawn directly from their data, tables with repeated headers,
// page numbers, document language and direction. The world map is left out (its table is there).
// A tagged PDF: a structure tree (Document > H1, P, H2, H3, Table > Caption, TR > TH/TD, Figure
// with Alt) in reading order for screen readers, page numbers and rules marked as artifacts.
import PDFDocument from 'pdfkit';
import { COLOURS, TIER_FILLS } from '$lib/progress/charts';
import type { Block, Chart, ReportDoc, Table } from '../report';
import { TextEngine, type PdfDoc, type TextStyle } from './text';
import { ARABIC_MARK } from './unicode';

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 50;
const CONTENT = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN - 20; // room for the page number

const BODY: TextStyle = { size: 10 };
const SMALL: TextStyle = { size: 8.5 };
const H1: TextStyle = { size: 17, weight: 'bold', leading: 1.3 };
const H2: TextStyle = { size: 13, weight: 'bold', leading: 1.3 };
const H3: TextStyle = { size: 10.5, weight: 'bold' };

export interface PdfOptions {
	/** "Page {page} of {pages}" in the reader's language */
	pageOf: (page: number, pages: number) => string;
	/** formats numbers on the chart axes */
	format: (n: number) => string;
	formatPeriod: (n: number) => string;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit also takes a header cell's scope (written as a Table attribute); its types lag behind */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' };

class Writer {
	y = MARGIN;
	readonly t: TextEngine;
	/** the structure element new elements go under (Document at the root) */
	private parents: Struct[];
	/** inside a marked-content leaf (a figure): what is drawn belongs to it, no new elements */
	private inLeaf = false;
	constructor(
		readonly doc: Doc,
		readonly report: ReportDoc,
		readonly opts: PdfOptions,
		root: Struct
	) {
		this.t = new TextEngine(doc as unknown as PdfDoc, report.lang, report.dir);
		this.parents = [root];
	}

	// ----- structure (tagged PDF)

	private get parent(): Struct {
		return this.parents[this.parents.length - 1];
	}

	/** A structure element under the current one, holding what `fill` adds. */
	group(type: string, options: StructOptions, fill: () => void): void {
		const el = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
		this.parent.add(el);
		this.parents.push(el);
		try {
			fill();
		} finally {
			this.parents.pop();
		}
		el.end();
	}

	/** A structure element whose content is what `draw` draws (one marked-content sequence per page). */
	leaf(type: string, options: StructOptions, draw: () => void): void {
		if (this.inLeaf) return draw();
		const el = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
		this.parent.add(el);
		const content = this.doc.markStructureContent(type);
		this.inLeaf = true;
		try {
			draw();
		} finally {
			this.inLeaf = false;
			this.doc.endMarkedContent();
		}
		el.add(content);
		el.end();
	}

	/** Options of an element holding `text`: its language when not the document's, its exact text when it has vowel marks. */
	textOptions(text: string, lang?: string, extra: StructOptions = {}): StructOptions {
		const o: StructOptions = { ...extra };
		if (lang && lang !== this.report.lang) o.lang = lang;
		if (ARABIC_MARK.test(text)) o.actual = text;
		return o;
	}

	/** Drawing that is not content (rules, backgrounds, page numbers). */
	artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
		if (this.inLeaf) return draw();
		this.doc.markContent('Artifact', { type });
		try {
			draw();
		} finally {
			this.doc.endMarkedContent();
		}
	}

	get rtl(): boolean {
		return this.report.dir === 'rtl';
	}

	/** x of a span measured from the start edge (right in RTL). */
	xs(from: number, width: number, left = MARGIN, total = CONTENT): number {
		return this.rtl ? left + total - from - width : left + from;
	}

	ensure(height: number): void {
		if (this.y + height > BOTTOM) this.newPage();
	}

	/** A new page; marked content open on this one (a figure) goes on there under the same element. */
	newPage(): void {
		(this.doc as Doc & { continueOnNewPage(): Doc }).continueOnNewPage();
		this.y = MARGIN;
	}

	/** A paragraph (or heading: `tag`) across the content width. */
	para(text: string, style: TextStyle = BODY, gapAfter = 6, indent = 0, tag = 'P'): void {
		const width = CONTENT - indent;
		const h = this.t.paragraph(text, 0, 0, width, style, true);
		if (h > BOTTOM - MARGIN) {
			// taller than a page: write it line by line through the wrapper's own breaks
			this.ensure(this.t.lineHeight(style));
		} else this.ensure(h);
		this.leaf(tag, this.textOptions(text), () => this.t.paragraph(text, this.xs(indent, width), this.y, width, style));
		this.y += h + gapAfter;
	}

	block(b: Block, sectionTitle = ''): void {
		switch (b.kind) {
			case 'text':
				this.para(b.text, b.tone === 'note' ? { ...BODY, color: COLOURS.muted } : BODY);
				return;
			case 'facts':
				this.table({ caption: '', head: [], rows: b.items.map((i) => ({ head: { text: i.term }, cells: [{ text: i.value }] })) }, true);
				return;
			case 'chart':
				this.chart(b.chart, sectionTitle);
				if (b.table) this.table(b.table);
				return;
			case 'table':
				this.table(b.table);
				return;
			case 'map':
				return; // the table beside it carries the same figures
		}
	}

	// ----- tables

	table(table: Table, plain = false): void {
		const cols = 1 + Math.max(table.head.length - 1, table.rows[0]?.cells.length ?? 0);
		if (!table.rows.length) return;
		// First column wider; the others share the rest.
		const firstShare = cols === 1 ? 1 : cols === 2 ? 0.55 : Math.max(0.26, 1.6 / (cols + 0.6));
		const widths = [CONTENT * firstShare, ...Array.from({ length: cols - 1 }, () => (CONTENT * (1 - firstShare)) / (cols - 1))];
		const pad = 3;
		const style: TextStyle = cols > 5 ? { size: 7.5 } : { size: 8.5 };
		const headStyle: TextStyle = { ...style, weight: 'bold' };
		const rowHeight = (texts: string[], st: TextStyle) => Math.max(...texts.map((tx, i) => this.t.paragraph(tx, 0, 0, widths[i] - 2 * pad, st, true))) + 2 * pad;
		/** one row; `cells` says how each cell is tagged (null: a repeated header, an artifact) */
		const drawRow = (texts: string[], styles: TextStyle[], h: number, header: boolean, cells: { type: 'TH' | 'TD'; options: StructOptions }[] | null) => {
			const draw = () => {
				let from = 0;
				texts.forEach((tx, i) => {
					const x = this.xs(from, widths[i]);
					const cell = () => this.t.paragraph(tx, x + pad, this.y + pad, widths[i] - 2 * pad, styles[i]);
					if (cells) this.leaf(cells[i].type, cells[i].options, cell);
					else cell();
					from += widths[i];
				});
			};
			if (cells) this.group('TR', {}, draw);
			else this.artifact(draw, 'Pagination');
			this.artifact(() =>
				this.doc
					.moveTo(MARGIN, this.y + h)
					.lineTo(MARGIN + CONTENT, this.y + h)
					.lineWidth(header ? 1 : 0.4)
					.strokeColor(header ? '#1a1a1a' : '#b8c0c8')
					.stroke()
			);
			this.y += h;
		};
		const header = (repeated: boolean) => {
			if (plain || !table.head.length) return;
			const h = rowHeight(table.head, headStyle);
			const cells = repeated ? null : table.head.map((tx) => ({ type: 'TH' as const, options: this.textOptions(tx, undefined, { scope: 'Column' }) }));
			drawRow(table.head, table.head.map(() => headStyle), h, true, cells);
		};
		this.group('Table', {}, () => {
			if (table.caption) {
				this.ensure(this.t.paragraph(table.caption, 0, 0, CONTENT, H3, true) + 40);
				this.para(table.caption, H3, 2, 0, 'Caption');
			}
			header(false);
			for (const row of table.rows) {
				const texts = [row.head.text, ...row.cells.map((c) => c.text)];
				const styles = [plain ? headStyle : { ...style, weight: 'bold' as const }, ...row.cells.map((c) => ({ ...style, color: c.muted ? COLOURS.muted : undefined, align: c.numeric ? ('end' as const) : ('start' as const) }))];
				const cells = [
					{ type: 'TH' as const, options: this.textOptions(row.head.text, row.head.lang, { scope: 'Row' }) },
					...row.cells.map((c) => ({ type: 'TD' as const, options: this.textOptions(c.text, c.lang) }))
				];
				const h = rowHeight(texts, style);
				if (this.y + h > BOTTOM) {
					this.newPage();
					header(true);
				}
				drawRow(texts, styles, h, false, cells);
			}
		});
		this.y += 10;
	}

	// ----- charts (drawn from the same data as the SVG)

	private hbar(value: number, max: number, top: number, height: number, colour: string): void {
		const track = CONTENT;
		this.doc.rect(MARGIN, top, track, height).fill(COLOURS.track);
		const w = (Math.min(max, Math.max(0, value)) / max) * track;
		if (w > 0) this.doc.rect(this.xs(0, w), top, w, height).fill(colour);
	}

	chart(c: Chart, sectionTitle = ''): void {
		this.ensure(60);
		if (c.title !== sectionTitle) this.para(c.title, H3, 2, 0, 'H3');
		this.leaf('Figure', { alt: this.alt(c) }, () => this.chartBody(c));
		this.y += 4;
	}

	/** What a chart shows, in words, for its Alt text: its description and its figures. */
	alt(c: Chart): string {
		const f = this.opts.format;
		const list = (items: string[]) => new Intl.ListFormat(this.report.lang, { type: 'unit', style: 'narrow' }).format(items);
		let figures = '';
		switch (c.type) {
			case 'bars':
				figures = list(c.items.map((i) => `${i.label}: ${i.value !== null ? f(i.value) : c.missingText}`));
				break;
			case 'tiers':
				figures = c.counts ? list(([1, 2, 3, 4, 5] as const).map((t) => `${c.labels[t]}: ${f(c.counts?.[t] ?? 0)}`)) : c.suppressedText;
				break;
			case 'grouped':
				figures = list(c.categories.map((cat, ci) => `${cat}: ${list(c.series.map((s) => `${s.name} ${s.values[ci] !== null ? f(s.values[ci]!) : c.missingText}`))}`));
				break;
			case 'trend': {
				// the latest value of each series (the table after the chart has every period)
				const last = c.series
					.map((s) => {
						const i = s.values.findLastIndex((v) => v !== null);
						return i < 0 ? null : `${s.name}: ${f(s.values[i]!)} (${this.opts.formatPeriod(c.periods[i])})`;
					})
					.filter((x): x is string => x !== null);
				figures = last.length ? list(last) : c.emptyText;
				break;
			}
			case 'completion':
				figures = c.total > 0 ? c.summary : c.emptyText;
				break;
		}
		return `${c.desc} ${figures}`.trim();
	}

	private chartBody(c: Chart): void {
		switch (c.type) {
			case 'bars':
				for (const item of c.items) {
					this.ensure(30);
					const valueText = item.value !== null ? this.opts.format(item.value) : c.missingText;
					this.para(`${item.label}: ${valueText}${item.note ? ` (${item.note})` : ''}`, SMALL, 1);
					if (item.value !== null) this.hbar(item.value, c.max, this.y, 9, COLOURS.series[0]);
					else this.doc.rect(MARGIN, this.y, CONTENT, 9).fill(COLOURS.track);
					this.y += 15;
				}
				break;
			case 'tiers': {
				if (!c.counts) {
					this.para(c.suppressedText, { ...BODY, color: COLOURS.muted });
					break;
				}
				const counts = c.counts;
				const largest = Math.max(1, ...([1, 2, 3, 4, 5] as const).map((t) => counts[t] ?? 0));
				for (const t of [1, 2, 3, 4, 5] as const) {
					this.ensure(30);
					this.para(`${c.labels[t]}: ${this.opts.format(counts[t] ?? 0)}`, SMALL, 1);
					this.hbar(counts[t] ?? 0, largest, this.y, 9, TIER_FILLS[t]);
					this.y += 15;
				}
				break;
			}
			case 'grouped':
				c.categories.forEach((cat, ci) => {
					this.ensure(20 + c.series.length * 24);
					this.para(cat, { ...SMALL, weight: 'bold' }, 1);
					c.series.forEach((s, si) => {
						const v = s.values[ci];
						this.para(`${s.name}: ${v !== null ? this.opts.format(v) : c.missingText}`, SMALL, 1);
						if (v !== null) this.hbar(v, 100, this.y, 7, COLOURS.series[si % COLOURS.series.length]);
						else this.doc.rect(MARGIN, this.y, CONTENT, 7).fill(COLOURS.track);
						this.y += 12;
					});
					this.y += 4;
				});
				break;
			case 'trend':
				this.trend(c);
				break;
			case 'completion':
				if (!(c.total > 0)) {
					this.para(c.emptyText, { ...BODY, color: COLOURS.muted });
					break;
				}
				this.ensure(36);
				this.para(c.summary, SMALL, 2);
				this.doc.rect(MARGIN, this.y, CONTENT, 12).fillAndStroke(COLOURS.track, COLOURS.muted);
				if (c.done > 0) {
					const w = (Math.min(c.total, c.done) / c.total) * CONTENT;
					this.doc.rect(this.xs(0, w), this.y, w, 12).fill(COLOURS.series[2]);
				}
				this.y += 20;
				break;
		}
	}

	private trend(c: Extract<Chart, { type: 'trend' }>): void {
		const any = c.series.some((s) => s.values.some((v) => v !== null));
		if (!c.periods.length || !any) {
			this.para(c.emptyText, { ...BODY, color: COLOURS.muted });
			return;
		}
		const plotH = 150;
		const legendH = c.series.length * 13;
		this.ensure(plotH + 30 + legendH);
		const top = this.y + 6;
		const left = MARGIN + 22;
		const width = CONTENT - 30;
		const n = c.periods.length;
		const xOf = (i: number) => {
			const f = n <= 1 ? 0.5 : i / (n - 1);
			const pos = 0.05 + f * 0.9;
			return this.rtl ? left + width * (1 - pos) : left + width * pos;
		};
		const yOf = (v: number) => top + (1 - Math.min(100, Math.max(0, v)) / 100) * plotH;
		const doc = this.doc;
		for (const g of [0, 20, 40, 60, 80, 100]) {
			doc.moveTo(left, yOf(g)).lineTo(left + width, yOf(g)).lineWidth(0.4).strokeColor(COLOURS.grid);
			if (g) doc.dash(2, { space: 2 });
			doc.stroke().undash();
			this.t.paragraph(this.opts.format(g), this.rtl ? left + width + 2 : MARGIN - 2, yOf(g) - 6, 22, { size: 7, color: COLOURS.muted, align: this.rtl ? 'end' : 'start' });
		}
		c.periods.forEach((p, i) => this.t.paragraph(this.opts.formatPeriod(p), xOf(i) - 20, top + plotH + 3, 40, { size: 7, color: COLOURS.muted, align: 'center' }));
		const dashes: ([number, number] | null)[] = [null, [5, 3], [1.5, 2.5], [6, 2], [1, 3], [8, 3]];
		c.series.forEach((s, k) => {
			const colour = COLOURS.series[k % COLOURS.series.length];
			const dash = dashes[k % dashes.length];
			for (let i = 1; i < n; i++) {
				const a = s.values[i - 1];
				const b = s.values[i];
				if (a === null || b === null) continue;
				doc.moveTo(xOf(i - 1), yOf(a)).lineTo(xOf(i), yOf(b)).lineWidth(1.6).strokeColor(colour);
				if (dash) doc.dash(dash[0], { space: dash[1] });
				doc.stroke().undash();
			}
			s.values.forEach((v, i) => {
				if (v !== null) this.marker(k, xOf(i), yOf(v), colour);
			});
		});
		this.y = top + plotH + 18;
		// legend: marker, line sample, name
		c.series.forEach((s, k) => {
			const colour = COLOURS.series[k % COLOURS.series.length];
			const dash = dashes[k % dashes.length];
			const x0 = this.xs(0, 24);
			doc.moveTo(x0, this.y + 5).lineTo(x0 + 24, this.y + 5).lineWidth(1.6).strokeColor(colour);
			if (dash) doc.dash(dash[0], { space: dash[1] });
			doc.stroke().undash();
			this.marker(k, x0 + 12, this.y + 5, colour);
			this.t.paragraph(s.name, this.xs(30, CONTENT - 30), this.y - 1, CONTENT - 30, { size: 8 });
			this.y += 13;
		});
	}

	private marker(k: number, x: number, y: number, colour: string): void {
		const d = this.doc;
		switch (k % 6) {
			case 0:
				d.circle(x, y, 2.8).fill(colour);
				break;
			case 1:
				d.rect(x - 2.5, y - 2.5, 5, 5).fill(colour);
				break;
			case 2:
				d.polygon([x, y - 3.4], [x + 3.1, y + 2.5], [x - 3.1, y + 2.5]).fill(colour);
				break;
			case 3:
				d.polygon([x, y - 3.4], [x + 3.4, y], [x, y + 3.4], [x - 3.4, y]).fill(colour);
				break;
			case 4:
				d.moveTo(x - 2.5, y - 2.5).lineTo(x + 2.5, y + 2.5).moveTo(x - 2.5, y + 2.5).lineTo(x + 2.5, y - 2.5).lineWidth(1.5).strokeColor(colour).stroke();
				break;
			default:
				d.circle(x, y, 2.5).lineWidth(1.2).fillAndStroke('#ffffff', colour);
		}
	}
}

/** Renders the report to PDF bytes. */
export function renderReportPdf(report: ReportDoc, opts: PdfOptions): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		bufferPages: true,
		pdfVersion: '1.7',
		tagged: true,
		lang: report.lang,
		displayTitle: true,
		info: { Title: report.title, Creator: 'COP Platform', Producer: 'COP Platform (pdfkit)' }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	const w = new Writer(doc, report, opts, root);
	w.para(report.title, H1, 6, 0, 'H1');
	for (const line of report.meta) w.para(line, { ...SMALL, color: COLOURS.muted }, 1);
	w.y += 6;
	if (report.demo) {
		const demo = report.demo;
		const h = w.t.paragraph(demo, 0, 0, CONTENT - 16, BODY, true) + 12;
		w.ensure(h);
		w.artifact(() => doc.rect(MARGIN, w.y, CONTENT, h).fillAndStroke('#fff4ce', '#8a6d00'));
		w.leaf('P', w.textOptions(demo), () => w.t.paragraph(demo, MARGIN + 8, w.y + 6, CONTENT - 16, BODY));
		w.y += h + 10;
	}
	for (const section of report.sections) {
		w.ensure(60);
		w.y += 4;
		w.para(section.title, H2, 4, 0, 'H2');
		for (const b of section.blocks) w.block(b, section.title);
	}
	// page numbers
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		w.artifact(() => w.t.paragraph(opts.pageOf(i + 1, range.count), MARGIN, PAGE.height - MARGIN + 4, CONTENT, { size: 8, color: COLOURS.muted, align: 'center' }), 'Pagination');
	}
	root.end();
	doc.end();
	return done;
}
