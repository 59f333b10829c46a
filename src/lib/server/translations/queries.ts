// Reads for the back office: coverage per set and language, and export files.
import { locales, type Locale } from '../../paraglide/runtime';
import type { TranslationStatus } from '../content';
import { itemStatuses, listSets, readSet, type ContentSet, type RepoFiles } from './sets';
import { exportPo, exportXliff } from './xliff';

export type Counts = Record<TranslationStatus | 'missing', number>;

export interface SetCoverage {
	set: ContentSet;
	items: number;
	segments: number;
	/** per language: items by status, and segments without text */
	languages: Record<Locale, Counts & { untranslatedSegments: number }>;
	/** items not reviewed by a native speaker (machine-assisted or translated), per language */
	needsReview: { item: string; label: string; file: string; lang: Locale; status: TranslationStatus; at?: string }[];
}

export function coverage(files: RepoFiles): SetCoverage[] {
	return listSets(files).map((set) => {
		const model = readSet(files, set.id);
		const statuses = itemStatuses(model);
		const languages = {} as SetCoverage['languages'];
		for (const l of locales) {
			const c: Counts & { untranslatedSegments: number } = { missing: 0, original: 0, 'machine-assisted': 0, translated: 0, reviewed: 0, untranslatedSegments: 0 };
			for (const s of statuses) {
				c[s.status[l].status]++;
				c.untranslatedSegments += s.untranslated[l];
			}
			languages[l] = c;
		}
		const needsReview: SetCoverage['needsReview'] = [];
		for (const s of statuses)
			for (const l of locales) {
				const st = s.status[l];
				if (st.status === 'machine-assisted' || st.status === 'translated') needsReview.push({ item: s.item.id, label: s.item.label, file: s.item.file, lang: l, status: st.status, at: 'at' in st ? st.at : undefined });
			}
		return { set, items: model.items.length, segments: model.segments.length, languages, needsReview };
	});
}

/** The export file for a set and language: PO for UI messages when asked, else XLIFF 2.0. */
export function exportSet(files: RepoFiles, setId: string, lang: Locale, format: 'xliff' | 'po' = 'xliff'): { name: string; type: string; body: string } {
	const model = readSet(files, setId);
	if (format === 'po') {
		if (model.set.kind !== 'messages') throw new Error('PO is for UI messages only');
		return { name: `${setId}.${lang}.po`, type: 'text/x-gettext-translation; charset=utf-8', body: exportPo(model, lang) };
	}
	return { name: `${setId}.${lang}.xlf`, type: 'application/xliff+xml; charset=utf-8', body: exportXliff(model, lang) };
}
