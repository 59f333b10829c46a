import { describe, expect, it } from 'vitest';
import { escapeXml } from './markup';

describe('escapeXml', () => {
	it('escapes the markup characters, quotes included', () => {
		expect(escapeXml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
	});

	it('drops characters XML forbids, keeps tabs, newlines and every script', () => {
		expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\tf\ng\r')).toBe('abcde\tf\ng\r');
		expect(escapeXml('حماية الأطفال 儿童保护 😀')).toBe('حماية الأطفال 儿童保护 😀');
	});

	it('writes nothing for null and undefined, and numbers as text', () => {
		expect(escapeXml(null)).toBe('');
		expect(escapeXml(undefined)).toBe('');
		expect(escapeXml(42)).toBe('42');
	});
});
