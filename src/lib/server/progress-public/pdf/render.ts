// The status report as a PDF, drawn on the server with pdfkit (no browser, no network): the same
// sections as the HTML page, charts drawn directly from their data, tables with repeated headers,
// page numbers, document language and direction. The world map is left out (its table is there).
import PDFDocument from 'pdfkit';
import { COLOURS, TIER_FILLS } from '$lib/progress/charts';
import type { Block, Chart, ReportDoc, Table } from '../report';
import { TextEngine, type PdfDoc, type TextStyle } from './text';

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

class Writer {
	y = MARGIN;
	readonly t: TextEngine;
	constructor(
		readonly doc: Doc,
		readonly report: ReportDoc,
		readonly opts: PdfOptions
	) {
		this.t = new TextEngine(doc as unknown as PdfDoc, report.lang, report.dir);
	}

	get rtl(): boolean {
		return this.report.dir === 'rtl';
	}

	/** x of a span measured from the start edge (right in RTL). */
	xs(from: number, width: number, left = MARGIN, total = CONTENT): number {
		return this.rtl ? left + total - from - width : left + from;
	}

	ensure(height: number): void {
		if (this.y + height > BOTTOM) {
			this.doc.addPage();
			this.y = MARGIN;
		}
	}

	para(text: string, style: TextStyle = BODY, gapAfter = 6, indent = 0): void {
		const width = CONTENT - indent;
		const h = this.t.paragraph(text, 0, 0, width, style, true);
		if (h > BOTTOM - MARGIN) {
			// taller than a page: write it line by line through the wrapper's own breaks
			this.ensure(this.t.lineHeight(style));
		} else this.ensure(h);
		this.t.paragraph(text, this.xs(indent, width), this.y, width, style);
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
		if (table.caption) {
			this.ensure(this.t.paragraph(table.caption, 0, 0, CONTENT, H3, true) + 40);
			this.para(table.caption, H3, 2);
		}
		const rowHeight = (texts: string[], st: TextStyle) => Math.max(...texts.map((tx, i) => this.t.paragraph(tx, 0, 0, widths[i] - 2 * pad, st, true))) + 2 * pad;
		const drawRow = (texts: string[], styles: TextStyle[], h: number, header: boolean) => {
			let from = 0;
			texts.forEach((tx, i) => {
				const x = this.xs(from, widths[i]);
				this.t.paragraph(tx, x + pad, this.y + pad, widths[i] - 2 * pad, styles[i]);
				from += widths[i];
			});
			this.doc
				.moveTo(MARGIN, this.y + h)
				.lineTo(MARGIN + CONTENT, this.y + h)
				.lineWidth(header ? 1 : 0.4)
				.strokeColor(header ? '#1a1a1a' : '#b8c0c8')
				.stroke();
			this.y += h;
		};
		const header = () => {
			if (plain || !table.head.length) return;
			const h = rowHeight(table.head, headStyle);
			drawRow(table.head, table.head.map(() => headStyle), h, true);
		};
		header();
		for (const row of table.rows) {
			const texts = [row.head.text, ...row.cells.map((c) => c.text)];
			const styles = [plain ? headStyle : { ...style, weight: 'bold' as const }, ...row.cells.map((c) => ({ ...style, color: c.muted ? COLOURS.muted : undefined, align: c.numeric ? ('end' as const) : ('start' as const) }))];
			const h = rowHeight(texts, style);
			if (this.y + h > BOTTOM) {
				this.doc.addPage();
				this.y = MARGIN;
				header();
			}
			drawRow(texts, styles, h, false);
		}
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
		if (c.title !== sectionTitle) this.para(c.title, H3, 2);
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
		this.y += 4;
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
	const w = new Writer(doc, report, opts);
	w.para(report.title, H1, 6);
	for (const line of report.meta) w.para(line, { ...SMALL, color: COLOURS.muted }, 1);
	w.y += 6;
	if (report.demo) {
		const h = w.t.paragraph(report.demo, 0, 0, CONTENT - 16, BODY, true) + 12;
		w.ensure(h);
		doc.rect(MARGIN, w.y, CONTENT, h).fillAndStroke('#fff4ce', '#8a6d00');
		w.t.paragraph(report.demo, MARGIN + 8, w.y + 6, CONTENT - 16, BODY);
		w.y += h + 10;
	}
	for (const section of report.sections) {
		w.ensure(60);
		w.y += 4;
		w.para(section.title, H2, 4);
		for (const b of section.blocks) w.block(b, section.title);
	}
	// page numbers
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		w.t.paragraph(opts.pageOf(i + 1, range.count), MARGIN, PAGE.height - MARGIN + 4, CONTENT, { size: 8, color: COLOURS.muted, align: 'center' });
	}
	doc.end();
	return done;
}
