// The back-office list table: named, keyboard-reachable scroll region, caption, empty state and a
// pager made of plain links (works without JavaScript). Rendered on the server, as pages are.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Example from './test/DataTableExample.svelte';

const html = (props: Record<string, unknown>) => render(Example, { props: props as never }).body.replace(/<!--[^>]*-->/g, '');

describe('DataTable', () => {
	it('wraps the table in a focusable region named after the caption, distinct from any other landmark', () => {
		// The region's name is "Table: <caption>", so it never equals a heading-named section's landmark name
		// (axe's landmark-unique rule fired on a page whose heading and table caption were the same words).
		const body = html({ rows: [{ id: '1', name: 'Amina' }] });
		expect(body).toMatch(/<div class="table-wrap" tabindex="0" role="region" aria-label="Table: People">/);
		expect(body).toMatch(/<caption class="visually-hidden">People<\/caption>/);
		expect(body).toContain('<thead><tr><th scope="col">Name</th></tr></thead>');
		expect(body).toContain('<tr><td>Amina</td></tr>');
		expect(body).not.toContain('<nav');
	});

	it('shows the empty state instead of an empty table when given one', () => {
		const empty = html({ rows: [], empty: 'Nobody yet.' });
		expect(empty).toContain('<p class="empty">Nobody yet.</p>');
		expect(empty).not.toContain('<table');
		expect(html({ rows: [] })).toContain('<table');
	});

	it('pages with previous and next links', () => {
		const body = html({ rows: [{ id: '1', name: 'A' }], page: 2, pages: 3 });
		expect(body).toContain('<nav');
		expect(body).toContain('href="?q=a&amp;page=1" rel="prev"');
		expect(body).toContain('href="?q=a&amp;page=3" rel="next"');
		const last = html({ rows: [{ id: '1', name: 'A' }], page: 3, pages: 3 });
		expect(last).not.toContain('rel="next"');
	});
});
