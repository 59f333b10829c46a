// Open data: the SDMX-CSV shape (parsed back), the plain CSV and JSON, published values only,
// confidentiality and suppression respected, demo rows flagged.
import { parse as parseCsvText } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { answersAt, fixtureFramework, seedPublishedAssessment } from '../test/progress';
import { insertAssessment } from './seeding';
import { exportBody, observations, PLAIN_HEADER, readObservationQuery, SDMX_HEADER, toPlainCsv, toSdmxCsv } from './opendata';

useFreshDatabase();

/** Reads the CSV the way a consumer would (RFC 4180, CRLF records). */
const parseCsv = (text: string): string[][] => parseCsvText(text, { relax_column_count: true, record_delimiter: '\r\n' });

describe('open data', () => {
	it('writes SDMX-CSV 2.0 with published values only', async () => {
		const fw = fixtureFramework();
		for (const [c, level] of [['KE', 1], ['GH', 0.5], ['SN', 0.2]] as const) await seedPublishedAssessment(db(), { country: c, period: 2025, level, isDemo: true });
		await seedPublishedAssessment(db(), { country: 'FR', period: 2025, level: 1 });
		// aggregate-only answer in UG: its indicator must not appear for UG
		await seedPublishedAssessment(db(), {
			country: 'UG',
			period: 2025,
			answers: { ...answersAt(fw, 1), 'legal.grooming.in_law': { value: 'yes', confidentiality: 'aggregate_only' }, 'capacity.schools.share': { value: 10, confidentiality: 'private' } }
		});
		// not yet validated: absent
		await insertAssessment(db(), fw, { country: 'NG', period: 2025, answers: answersAt(fw, 1), status: 'submitted' });

		const rows = parseCsv(toSdmxCsv(await observations(db())));
		expect(rows[0]).toEqual(SDMX_HEADER);
		const data = rows.slice(1).map((r) => Object.fromEntries(SDMX_HEADER.map((h, i) => [h, r[i]])));
		expect(data.length).toBeGreaterThan(0);
		for (const r of data) {
			expect(r).toMatchObject({ STRUCTURE: 'dataflow', STRUCTURE_ID: 'COP:DF_COP_PROGRESS(1.0)', ACTION: 'I', FREQ: 'A', TIME_PERIOD: '2025', VALIDATION_STATUS: 'VALIDATED' });
			expect(r.INDICATOR).toMatch(/^[A-Z0-9_]+$/);
			expect(Number.isFinite(Number(r.OBS_VALUE))).toBe(true);
		}
		const areas = new Set(data.map((r) => r.REF_AREA));
		expect(areas.has('NG')).toBe(false);
		expect(areas.has('KE')).toBe(true);
		// Africa: KE, GH, SN have overall scores (UG has none: its capacity answer is private), three is enough; Europe only FR: suppressed
		expect(areas.has('ITU_AFRICA')).toBe(true);
		expect(areas.has('ITU_EUROPE')).toBe(false);
		expect(areas.has('WLD')).toBe(true);
		// UG's aggregate-only indicator is hidden, its pillar still published
		const ug = data.filter((r) => r.REF_AREA === 'UG');
		expect(ug.find((r) => r.INDICATOR === 'LEGAL_GROOMING')).toBeUndefined();
		expect(ug.find((r) => r.INDICATOR === 'LEGAL_CSAM')!.OBS_VALUE).toBe('100');
		expect(ug.find((r) => r.INDICATOR === 'PILLAR_LEGAL')!.OBS_VALUE).toBe('100');
		// the private answer leaves capacity without a score: no row
		expect(ug.find((r) => r.INDICATOR === 'PILLAR_CAPACITY')).toBeUndefined();
		// demo rows say so
		expect(data.filter((r) => r.REF_AREA === 'KE').every((r) => r.OBS_STATUS === 'DEMO')).toBe(true);
		expect(data.filter((r) => r.REF_AREA === 'FR').every((r) => r.OBS_STATUS === 'A')).toBe(true);
		expect(data.find((r) => r.REF_AREA === 'ITU_AFRICA')!.OBS_STATUS).toBe('DEMO');
		expect(data.find((r) => r.REF_AREA === 'ITU_AFRICA' && r.INDICATOR === 'COUNTRIES')!.OBS_VALUE).toBe('3');
	});

	it('filters by area and period, and refuses unknown parameters', async () => {
		const ke = await observations(db(), readObservationQuery(new URL('http://x/?ref_area=ke&period=2025')));
		expect(new Set(ke.map((o) => o.refArea))).toEqual(new Set(['KE']));
		const world = await observations(db(), readObservationQuery(new URL('http://x/?ref_area=WLD')));
		expect(new Set(world.map((o) => o.refArea))).toEqual(new Set(['WLD']));
		expect(await observations(db(), { period: 1999 })).toEqual([]);
		expect(() => readObservationQuery(new URL('http://x/?ref_area=ATLANTIS'))).toThrow();
		expect(() => readObservationQuery(new URL('http://x/?period=20x5'))).toThrow();
	});

	it('writes the same values as plain CSV', async () => {
		const obs = await observations(db());
		const rows = parseCsv(toPlainCsv(obs));
		expect(rows[0]).toEqual(PLAIN_HEADER);
		expect(rows).toHaveLength(obs.length + 1);
		expect(rows.slice(1).every((r) => r.length === PLAIN_HEADER.length)).toBe(true);
	});

	it('keeps each export until the published figures change, then makes it again', async () => {
		const q = { period: 2025 };
		const first = await exportBody(db(), 'sdmx', q);
		expect(first).toBe(toSdmxCsv(await observations(db(), q)));
		expect(first).not.toContain(',TZ,');
		// a second download is the kept body; the other formats are kept apart
		expect(await exportBody(db(), 'sdmx', q)).toBe(first);
		expect(await exportBody(db(), 'csv', q)).toBe(toPlainCsv(await observations(db(), q)));
		expect(JSON.parse(await exportBody(db(), 'json', q)).data).toEqual(JSON.parse(JSON.stringify(await observations(db(), q))));
		// a validation (scores refreshed, the progress counter bumped) shows at the next download
		await seedPublishedAssessment(db(), { country: 'TZ', period: 2025, level: 0.7 });
		const after = await exportBody(db(), 'sdmx', q);
		expect(after).toContain(',TZ,OVERALL,2025,');
		expect(after).toBe(toSdmxCsv(await observations(db(), q)));
	});
});
