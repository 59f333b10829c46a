import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedImage, stripImageMetadata } from './image-metadata';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const includes = (haystack: Uint8Array, needle: number[]) => Buffer.from(haystack).includes(Buffer.from(needle));

// A JPEG as cameras write it: JFIF, EXIF with a GPS block, XMP, a comment, an ICC profile, the tables,
// then the scan (entropy-coded data with a stuffed 0xFF00 and a restart marker) and EOI.
const JFIF = segment(0xe0, ascii('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'));
const EXIF = segment(0xe1, [...ascii('Exif\0\0MM\0*'), ...ascii('GPSLatitude -1.2921 GPSLongitude 36.8219')]);
const XMP = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Nairobi</x:xmpmeta>'));
const COMMENT = segment(0xfe, ascii('taken at home by Amina'));
const IPTC = segment(0xed, ascii('Photoshop 3.0\0 city Kisumu'));
const ICC = segment(0xe2, ascii('ICC_PROFILE\0\x01\x01sRGB'));
const DQT = segment(0xdb, [0, ...Array.from({ length: 64 }, (_, i) => i + 1)]);
const SOS = segment(0xda, [1, 1, 0, 0, 63, 0]);
const SCAN = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9];
const jpeg = (...segments: number[][]) => new Uint8Array([0xff, 0xd8, ...segments.flat(), ...SOS, ...SCAN]);

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const chunk = (type: string, data: number[]) => [(data.length >>> 24) & 0xff, (data.length >>> 16) & 0xff, (data.length >>> 8) & 0xff, data.length & 0xff, ...ascii(type), ...data, 1, 2, 3, 4];
const IHDR = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const IDAT = chunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]);
const IEND = chunk('IEND', []);

describe('JPEG', () => {
	it('drops EXIF (with its GPS position), XMP, IPTC and comments, and keeps the picture byte for byte', () => {
		const out = stripImageMetadata('image/jpeg', jpeg(JFIF, EXIF, XMP, COMMENT, IPTC, ICC, DQT));
		expect(includes(out, ascii('GPSLatitude'))).toBe(false);
		expect(includes(out, ascii('Nairobi'))).toBe(false);
		expect(includes(out, ascii('Amina'))).toBe(false);
		expect(includes(out, ascii('Kisumu'))).toBe(false);
		expect([...out]).toEqual([0xff, 0xd8, ...JFIF, ...ICC, ...DQT, ...SOS, ...SCAN]);
	});

	it('leaves an image without metadata as it was, and stripping twice changes nothing more', () => {
		const clean = jpeg(JFIF, DQT);
		expect([...stripImageMetadata('image/jpeg', clean)]).toEqual([...clean]);
		const once = stripImageMetadata('image/jpeg', jpeg(JFIF, EXIF, DQT));
		expect([...stripImageMetadata('image/jpeg', once)]).toEqual([...once]);
	});

	it('refuses bytes that are not a well-formed JPEG', () => {
		expect(() => stripImageMetadata('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow(MalformedImage);
		expect(() => stripImageMetadata('image/jpeg', new Uint8Array([0xff, 0xd8, 0x00]))).toThrow(MalformedImage);
		expect(() => stripImageMetadata('image/jpeg', new Uint8Array(ascii('GIF89a')))).toThrow(MalformedImage);
	});
});

describe('PNG', () => {
	it('drops text, EXIF and time chunks and keeps the image chunks', () => {
		const withMeta = new Uint8Array([...PNG_SIG, ...IHDR, ...chunk('tEXt', ascii('Author\0Amina')), ...chunk('eXIf', ascii('MM\0*GPS')), ...chunk('tIME', [7, 234, 12, 2, 10, 0, 0]), ...IDAT, ...chunk('iTXt', ascii('Location\0\0\0\0\0Mombasa')), ...IEND]);
		const out = stripImageMetadata('image/png', withMeta);
		expect([...out]).toEqual([...PNG_SIG, ...IHDR, ...IDAT, ...IEND]);
	});

	it('refuses a PNG cut short or without its end chunk', () => {
		const whole = [...PNG_SIG, ...IHDR, ...IDAT, ...IEND];
		expect(() => stripImageMetadata('image/png', new Uint8Array(whole.slice(0, 30)))).toThrow(MalformedImage);
		expect(() => stripImageMetadata('image/png', new Uint8Array([...PNG_SIG, ...IHDR, ...IDAT]))).toThrow(MalformedImage);
	});
});

it('other types pass through untouched', () => {
	const pdf = new Uint8Array(ascii('%PDF-1.7 /Author (Amina)'));
	expect(stripImageMetadata('application/pdf', pdf)).toBe(pdf);
});

it('any bytes after a JPEG or PNG start either strip to something no larger or are refused as malformed, never another error', () => {
	fc.assert(
		fc.property(fc.constantFrom('image/jpeg', 'image/png'), fc.uint8Array({ maxLength: 300 }), (type, tail) => {
			const head = type === 'image/jpeg' ? [0xff, 0xd8] : PNG_SIG;
			const bytes = new Uint8Array([...head, ...tail]);
			try {
				expect(stripImageMetadata(type, bytes).length).toBeLessThanOrEqual(bytes.length);
			} catch (e) {
				expect(e).toBeInstanceOf(MalformedImage);
			}
		}),
		{ numRuns: 500 }
	);
});
