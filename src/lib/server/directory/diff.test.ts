import { describe, expect, it } from 'vitest';
import { diff } from './diff';

describe('diff', () => {
	it('lists every leaf and marks what changed, added and removed', () => {
		const rows = diff(
			{ name: { en: 'Childline' }, countries: ['KE'], channels: [{ type: 'phone', value: '116' }], website: null },
			{ name: { en: 'Childline', sw: 'Childline' }, countries: ['KE', 'UG'], channels: [{ type: 'phone', value: '116' }], website: 'https://x.org' }
		);
		const by = Object.fromEntries(rows.map((r) => [r.path, r]));
		expect(by['name.en'].changed).toBe(false);
		expect(by['name.sw']).toMatchObject({ before: '', after: 'Childline', changed: true });
		expect(by['countries']).toMatchObject({ before: 'KE', after: 'KE, UG', changed: true });
		expect(by['channels[0].value'].changed).toBe(false);
		expect(by['website']).toMatchObject({ before: '', after: 'https://x.org', changed: true });
	});
	it('treats a new suggestion as all-added', () => {
		const rows = diff(null, { name: { en: 'New' } });
		expect(rows).toEqual([{ path: 'name.en', before: '', after: 'New', changed: true }]);
	});
});
