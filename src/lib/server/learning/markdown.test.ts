import { describe, expect, it } from 'vitest';
import { rawHtmlIn, renderMarkdown } from './markdown';

describe('Markdown is rendered to a safe subset of HTML', () => {
	it('keeps headings, lists, emphasis and site links', () => {
		const html = renderMarkdown('# Top\n\n## Title\n\nSome **bold** and *em*.\n\n- one\n- two\n\n[help](/help)', { localizePath: (p) => `/ar${p}` });
		expect(html).toContain('<h2>Top</h2>');
		expect(html).toContain('<h2>Title</h2>');
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain('<a href="/ar/help">help</a>');
	});
	it('removes script and raw HTML (shown as text, never as markup)', () => {
		const html = renderMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(1)> <b onclick="x()">b</b>\n\n<div>block</div>');
		expect(html).not.toMatch(/<(script|img|b|div)\b/i);
		expect(html).not.toMatch(/<[^>]*\son\w+=/i);
		expect(html).toContain('&lt;script&gt;');
	});
	it('removes javascript:, data: and protocol-relative links but keeps the text', () => {
		const html = renderMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](//evil.example/x) [d](JaVaScRiPt:alert(1))');
		expect(html).not.toMatch(/javascript|data:|evil\.example/i);
		// a backslash after the slash never turns a site path into another host (/\host reads as //host)
		expect(renderMarkdown('[e](/\\evil.example/y)')).not.toMatch(/href="\/[\/\\]/);
		expect(html).toContain('a');
		expect(html).toContain('d');
	});
	it('external https links get rel=noopener noreferrer; images are dropped', () => {
		const html = renderMarkdown('[UNICEF](https://www.unicef.org) ![pic](https://x.example/p.png)');
		expect(html).toContain('<a href="https://www.unicef.org" rel="noopener noreferrer">UNICEF</a>');
		expect(html).not.toContain('<img');
	});
	it('detects raw HTML for the content validator', () => {
		expect(rawHtmlIn('plain **text**')).toBeUndefined();
		expect(rawHtmlIn('a <span>b</span>')).toBe('<span>');
		expect(rawHtmlIn('<div>\nx\n</div>')).toBeDefined();
	});
});
