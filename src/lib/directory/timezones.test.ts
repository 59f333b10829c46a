import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './timezones';

describe('time zone options', () => {
	it('are named in the reader’s language, with the city, one label per zone', () => {
		const label = (locale: Parameters<typeof timeZoneOptions>[0], id: string) => timeZoneOptions(locale).find((o) => o.value === id)?.label;
		expect(label('en', 'Africa/Nairobi')).toBe('East Africa Time (Nairobi)');
		expect(label('fr', 'Africa/Nairobi')).toBe('heure normale d’Afrique de l’Est (Nairobi)');
		expect(label('ru', 'Europe/Moscow')).toMatch(/^Москва.* \(Moscow\)$/);
		expect(label('ar', 'Africa/Nairobi')).toBe('توقيت شرق أفريقيا (Nairobi)');
		for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
			const options = timeZoneOptions(locale);
			expect(options.length).toBeGreaterThan(300);
			expect(new Set(options.map((o) => o.label)).size, `${locale}: labels tell zones apart`).toBe(options.length);
			// not the English IANA id
			expect(options.filter((o) => o.label === o.value.replace(/_/g, ' ')).map((o) => o.value)).toEqual([]);
		}
	});
});
