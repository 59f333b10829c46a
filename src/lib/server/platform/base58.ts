// base58btc (the alphabet of Bitcoin and of W3C multibase 'z'): signatures and Multikey public keys
// in certificates (learning) and federation manifests are written with it.
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58btc(bytes: Uint8Array): string {
	let n = 0n;
	for (const b of bytes) n = n * 256n + BigInt(b);
	let out = '';
	while (n > 0n) {
		out = B58[Number(n % 58n)] + out;
		n /= 58n;
	}
	for (const b of bytes) {
		if (b !== 0) break;
		out = '1' + out;
	}
	return out;
}

/** The bytes of a base58btc string, or undefined when a character is not in the alphabet. */
export function fromBase58btc(s: string): Uint8Array | undefined {
	let n = 0n;
	for (const ch of s) {
		const i = B58.indexOf(ch);
		if (i < 0) return undefined;
		n = n * 58n + BigInt(i);
	}
	const bytes: number[] = [];
	while (n > 0n) {
		bytes.unshift(Number(n % 256n));
		n /= 256n;
	}
	for (const ch of s) {
		if (ch !== '1') break;
		bytes.unshift(0);
	}
	return Uint8Array.from(bytes);
}
