// Reading the workspace's forms (which work without JavaScript) into command input.
import type { Framework, Pillar } from '../../progress/model';
import { ValidationError } from '../platform/errors';
import type { EvidenceDraft } from './commands';

/** The answers posted by one pillar page: fields are named `<part>:<question id>`. */
export function readAnswerForm(form: FormData): { answers: Record<string, unknown>[]; attachments: EvidenceDraft[]; filePromises: Promise<void>[] } {
	const ids = form.getAll('q').filter((x): x is string => typeof x === 'string');
	const str = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const answers = ids.map((id) => {
		const values = form.getAll(`v:${id}`).filter((x): x is string => typeof x === 'string');
		return {
			questionId: id,
			value: form.get(`multi:${id}`) ? values : (values[0] ?? ''),
			notApplicable: form.get(`na:${id}`) === '1',
			confidentiality: str(`c:${id}`) || 'public',
			comment: str(`note:${id}`),
			citation: str(`cit:${id}`),
			adoptedOn: str(`ad:${id}`),
			lawUrl: str(`law:${id}`)
		};
	});
	const attachments: EvidenceDraft[] = [];
	const filePromises: Promise<void>[] = [];
	for (const id of ids) {
		const file = form.get(`file:${id}`);
		if (file instanceof File && file.size > 0) {
			const draft: EvidenceDraft = { questionId: id };
			attachments.push(draft);
			filePromises.push(
				file.arrayBuffer().then((buf) => {
					draft.file = { name: file.name, type: file.type, size: file.size, bytes: new Uint8Array(buf) };
				})
			);
		}
		const url = str(`url:${id}`).trim();
		if (url) attachments.push({ questionId: id, url });
	}
	return { answers, attachments, filePromises };
}

export function pillarOf(fw: Framework, id: string): Pillar {
	const p = fw.pillars.find((x) => x.id === id);
	if (!p) throw new ValidationError({ pillar: 'not_found' }, 'not_found');
	return p;
}

/** Roadmap forms post indicator ids as repeated checkboxes. */
export function readActionForm(form: FormData) {
	const s = (k: string) => String(form.get(k) ?? '');
	return { title: s('title'), description: s('description'), owner: s('owner'), dueOn: s('dueOn'), status: s('status') || 'planned', progress: s('progress'), indicatorIds: form.getAll('indicatorIds').map(String) };
}
