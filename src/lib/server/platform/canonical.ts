// JSON Canonicalization Scheme (RFC 8785): one byte string per JSON value, for signatures and hashes.

/**
 * JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings serialised as ECMAScript JSON does (which RFC 8785 adopts).
 */
export function canonicalize(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError('JCS cannot encode a non-finite number');
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map((x) => canonicalize(x === undefined ? null : x)).join(',')}]`;
	if (typeof value === 'object') {
		const obj = value as Record<string, unknown>;
		const keys = Object.keys(obj)
			.filter((k) => obj[k] !== undefined)
			.sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(obj[k])}`).join(',')}}`;
	}
	throw new TypeError(`JCS cannot encode ${typeof value}`);
}
