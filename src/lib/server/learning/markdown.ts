// Markdown to safe HTML. Authored content and editors' national adaptations are both rendered here:
// marked turns Markdown into HTML with raw HTML escaped, then sanitize-html keeps only an allow-list
// of tags and attributes, and only site-relative, https and mailto links. Site links are put into
// the reader's language (/help -> /ar/help).
import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeXml } from '../../markup';

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		// raw HTML in Markdown is shown as text, never passed through
		html({ text }) {
			return escapeXml(text);
		},
		image({ text }) {
			return escapeXml(text);
		}
	}
});

const ALLOWED_TAGS = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'code', 'pre', 'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del'];

export interface RenderOptions {
	/** turns a site path into the reader's language */
	localizePath?: (path: string) => string;
}

/** Markdown -> sanitised HTML. Headings start at h2 (the page has the h1); h1 becomes h2. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html, {
		allowedTags: ALLOWED_TAGS,
		allowedAttributes: { a: ['href', 'rel'], th: ['scope'], ol: ['start'] },
		allowedSchemes: ['https', 'mailto'],
		allowedSchemesAppliedToAttributes: ['href'],
		allowProtocolRelative: false,
		disallowedTagsMode: 'discard',
		transformTags: {
			h1: 'h2',
			h5: 'h4',
			h6: 'h4',
			a: (tagName, attribs): sanitizeHtml.Tag => {
				const href = (attribs.href ?? '').trim();
				const out: sanitizeHtml.Attributes = {};
				// a site path: one slash then not another slash or backslash (browsers read /\\host as //host)
				if (/^\/(?![\/\\])/.test(href)) out.href = options.localizePath ? options.localizePath(href) : href;
				else if (/^https:\/\//i.test(href)) Object.assign(out, { href, rel: 'noopener noreferrer' });
				else if (/^mailto:/i.test(href)) out.href = href;
				// anything else (javascript:, data:, relative paths without a slash) loses its link
				return { tagName, attribs: out };
			}
		},
		exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()
	});
}

/** The first raw HTML fragment in Markdown, if any (content files must not contain any). */
export function rawHtmlIn(markdown: string): string | undefined {
	let found: string | undefined;
	const tokens = marked.lexer(markdown);
	marked.walkTokens(tokens, (t: Token) => {
		if (!found && t.type === 'html' && t.raw.trim()) found = t.raw.trim();
	});
	return found;
}

/** Plain text of Markdown (for summaries and search), tags stripped. */
export function markdownToText(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

/**
 * Links the renderer would strip (anything but a site path, https: or mailto:), for checks on
 * imported translations: a link that works in English must not silently disappear in a translation.
 */
export function unsafeLinksIn(markdown: string): string[] {
	const found: string[] = [];
	marked.walkTokens(marked.lexer(markdown), (t: Token) => {
		if (t.type === 'link' || t.type === 'image') {
			const href = String((t as { href?: string }).href ?? '').trim();
			if (!(/^\/(?![\/\\])/.test(href) || /^https:\/\//i.test(href) || /^mailto:/i.test(href) || href.startsWith('#'))) found.push(href || '(empty)');
		}
	});
	return found;
}
