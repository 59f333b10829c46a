// Uploaded images lose the metadata that can identify a person or a place before they are stored:
// EXIF (camera, time, GPS position), XMP, IPTC and comments in JPEG; text, EXIF and time chunks in
// PNG. The picture itself is copied byte for byte (no re-encoding, so no quality loss and no image
// library): only whole metadata segments or chunks are dropped. Colour profiles and the segments a
// decoder needs stay. EXIF orientation goes with EXIF, so a photo taken sideways may show sideways.

/** Thrown when the bytes do not have the structure their type promises. */
export class MalformedImage extends Error {
	constructor(reason: string) {
		super(`malformed image: ${reason}`);
	}
}

/** JPEG segments dropped: APP1 (EXIF, XMP), APP12 (Ducky), APP13 (IPTC, Photoshop), COM. */
const JPEG_DROP = new Set([0xe1, 0xec, 0xed, 0xfe]);
/** PNG chunks dropped: textual data, EXIF and last-modification time. */
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image without its metadata; other media types come back unchanged. */
export function stripImageMetadata(mediaType: string, bytes: Uint8Array): Uint8Array {
	if (mediaType === 'image/jpeg') return stripJpeg(bytes);
	if (mediaType === 'image/png') return stripPng(bytes);
	return bytes;
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new MalformedImage('no JPEG start marker');
	const kept: Uint8Array[] = [bytes.subarray(0, 2)];
	let i = 2;
	while (i < bytes.length) {
		if (bytes[i] !== 0xff) throw new MalformedImage(`expected a marker at ${i}`);
		// fill bytes: any number of 0xFF before a marker
		let m = i + 1;
		while (m < bytes.length && bytes[m] === 0xff) m++;
		if (m >= bytes.length) throw new MalformedImage('truncated marker');
		const marker = bytes[m];
		if (marker === 0xd9) {
			kept.push(bytes.subarray(m - 1, m + 1));
			i = m + 1;
			break;
		}
		// markers without a length: TEM and restart markers
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			kept.push(bytes.subarray(m - 1, m + 1));
			i = m + 1;
			continue;
		}
		if (m + 2 >= bytes.length) throw new MalformedImage('truncated segment length');
		const length = (bytes[m + 1] << 8) | bytes[m + 2];
		const end = m + 1 + length;
		if (length < 2 || end > bytes.length) throw new MalformedImage(`segment 0x${marker.toString(16)} runs past the end`);
		if (marker === 0xda) {
			// start of scan: the compressed picture follows up to the end (with any later scans,
			// markers and EOI inside it): copied as it is
			kept.push(bytes.subarray(m - 1));
			i = bytes.length;
			break;
		}
		if (!JPEG_DROP.has(marker)) kept.push(bytes.subarray(m - 1, end));
		i = end;
	}
	// anything after EOI (some cameras append a second image or vendor data) is dropped too
	return concat(kept);
}

function stripPng(bytes: Uint8Array): Uint8Array {
	if (!PNG_SIGNATURE.every((b, k) => bytes[k] === b)) throw new MalformedImage('no PNG signature');
	const kept: Uint8Array[] = [bytes.subarray(0, 8)];
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let i = 8;
	let ended = false;
	while (i < bytes.length && !ended) {
		if (i + 8 > bytes.length) throw new MalformedImage('truncated chunk header');
		const length = view.getUint32(i);
		const type = String.fromCharCode(bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
		if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedImage(`bad chunk type at ${i}`);
		const end = i + 12 + length;
		if (end > bytes.length) throw new MalformedImage(`chunk ${type} runs past the end`);
		if (!PNG_DROP.has(type)) kept.push(bytes.subarray(i, end));
		ended = type === 'IEND';
		i = end;
	}
	if (!ended) throw new MalformedImage('no IEND chunk');
	return concat(kept);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
