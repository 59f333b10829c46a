// Hostile input never becomes a 500: every form, upload, search and id answers with a domain error or succeeds.
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { Actor } from '../identity';
import { isDomainError } from '../platform/errors';
import { parse } from '../platform/validate';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as library from '.';
import { makePdf, makePublishedDocument } from './testing';

useFreshDatabase();
let editor: Actor;
let documentId: string;
let pdf: Buffer;

beforeAll(async () => {
	editor = await makeUser({ grants: [grant('editor', { country: 'KE' })] });
	pdf = await makePdf(['Boundary text.']);
	documentId = await makePublishedDocument(editor, { countries: ['KE'] }, { language: 'en', name: 'b.pdf', bytes: pdf });
});

const hostile = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ maxLength: 40, unit: 'grapheme' }),
	fc.constantFrom('', ' ', '0', '-1', '1e9', 'NaN', '2025', 'KE', 'cwg_contribution', '<script>alert(1)</script>', "'; drop table library_documents; --", '\u0000', '%', '_', '\\', '"', '!', '&|', ':*', '../../etc/passwd', '%00', '🙂'.repeat(50), 'a'.repeat(10_000), '儿童', 'الأطفال')
);
const formOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, hostile])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
const posted = (input: Record<string, string | undefined>) => {
	const values = input as Record<string, string>;
	return { values, all: (n: string) => (values[n] !== undefined ? values[n].split(',') : []) };
};

async function onlyDomainErrors(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		if (!isDomainError(e)) throw e;
	}
}

describe('library boundary', () => {
	it('document form: any posted strings give a result or a domain error', async () => {
		const keys = ['title_en', 'title_ar', 'title_xx', 'summary_zh', 'type', 'year', 'countries', 'organisations', 'topics', 'areas', 'externalUrl', 'submitterCountry', 'submitterOrganisation', 'meetingSession', 'meetingDate', 'contributionStatus'];
		await fc.assert(
			fc.asyncProperty(formOf(keys), async (values) => {
				await onlyDomainErrors(() => library.createDocument(editor, library.documentFromForm(posted(values))));
				await onlyDomainErrors(() => library.updateDocument(editor, documentId, library.documentFromForm(posted(values)), { change: values.type, note: values.year }));
			}),
			{ numRuns: 60 }
		);
	});

	it('search: any query gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(formOf(['q', 'type', 'year', 'language', 'topic', 'country', 'page']), async (q) => {
				await onlyDomainErrors(async () => library.search(parse(library.SearchQuery, q)));
			}),
			{ numRuns: 80 }
		);
	});

	it('uploads: any bytes and names give a result or a domain error', async () => {
		const bytes = fc.oneof(
			fc.uint8Array({ maxLength: 200 }),
			fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from('%PDF-1.4\n'), b])),
			fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04'), b])),
			fc.integer({ min: 1, max: 2000 }).map((n) => pdf.subarray(0, n))
		);
		await fc.assert(
			fc.asyncProperty(hostile, fc.oneof(hostile, fc.constantFrom('en', 'fr')), bytes, async (name, language, b) => {
				await onlyDomainErrors(() => library.addFile(editor, documentId, language, { name, bytes: b }));
			}),
			{ numRuns: 25 }
		);
	});

	it('ids: any string gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, async (id) => {
				await onlyDomainErrors(() => library.fileForDownload(null, id));
				await onlyDomainErrors(() => library.documentForEditor(editor, id));
				await onlyDomainErrors(() => library.removeFile(editor, id));
				await onlyDomainErrors(() => library.publishDocument(editor, id));
				await onlyDomainErrors(async () => library.getPublicDocument(id));
			}),
			{ numRuns: 40 }
		);
	});
});
