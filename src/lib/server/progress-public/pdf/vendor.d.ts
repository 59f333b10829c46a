// Minimal types for the two untyped packages the PDF text engine uses.
declare module 'bidi-js' {
	interface EmbeddingLevels {
		levels: Uint8Array;
		paragraphs: { start: number; end: number; level: number }[];
	}
	interface Bidi {
		getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): EmbeddingLevels;
		getReorderSegments(text: string, levels: EmbeddingLevels, start?: number, end?: number): [number, number][];
		getMirroredCharacter(char: string): string | null;
	}
	export default function bidiFactory(): Bidi;
}

declare module 'fontkit' {
	export interface Font {
		postscriptName: string;
		hasGlyphForCodePoint(codePoint: number): boolean;
	}
	export function create(buffer: Buffer): Font;
}
