// One escaper for text placed in HTML, SVG or XML (element content and quoted attribute values):
// used by the SVG charts and maps, the Markdown renderer and the XLIFF export alike.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five markup characters and drops the characters XML 1.0 does not allow at all. */
export function escapeXml(value: unknown): string {
	return String(value ?? '')
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
