// A field-by-field diff of two service shapes, for moderators: every leaf path with its value
// before and after, changed ones marked.

export interface DiffRow {
	path: string;
	before: string;
	after: string;
	changed: boolean;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
	if (value === null || value === undefined) {
		if (prefix) out.set(prefix, '');
		return;
	}
	if (Array.isArray(value)) {
		if (value.length === 0 || value.every((v) => typeof v !== 'object' || v === null)) {
			out.set(prefix, value.join(', '));
			return;
		}
		value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
		return;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0 && prefix) out.set(prefix, '');
		for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
		return;
	}
	out.set(prefix, String(value));
}

export function diff(before: unknown, after: unknown): DiffRow[] {
	const a = new Map<string, string>();
	const b = new Map<string, string>();
	flatten(before, '', a);
	flatten(after, '', b);
	const paths = [...new Set([...a.keys(), ...b.keys()])];
	return paths.map((path) => {
		const x = a.get(path) ?? '';
		const y = b.get(path) ?? '';
		return { path, before: x, after: y, changed: x !== y };
	});
}
