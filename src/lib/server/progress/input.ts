// Input at the boundary: what forms and uploads may send, and how a raw form value becomes a typed
// answer for its question type. Codes are message keys (error_<code>) shown in the reader's language.
import * as v from 'valibot';
import { isCountryCode } from '../../geo';
import { ACTION_STATUSES, CONFIDENTIALITY, EVIDENCE_LIMITS as L, YPN, type AnswerValue, type Question } from '../../progress/model';
import { NotFound, ValidationError } from '../platform/errors';
import { MalformedImage, stripImageMetadata } from '../platform/image-metadata';
import { isUuid } from '../../uuid';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));
const requiredText = (max: number) => v.pipe(v.string('text_required'), v.trim(), v.nonEmpty('text_required'), v.maxLength(max, 'text_too_long'));
export const HttpUrl = v.pipe(v.string(), v.trim(), v.maxLength(L.urlMax, 'text_too_long'), v.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'progress_url_invalid'));
const IsoDate = v.pipe(
	v.string(),
	v.trim(),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'progress_date_invalid'),
	v.check((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'progress_date_invalid')
);
const optionalOrEmpty = <S extends v.GenericSchema<string, unknown>>(s: S) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.transform((x) => x.trim()),
		v.union([v.pipe(v.literal(''), v.transform(() => null)), s])
	);

export const OpenAssessmentInput = v.object({
	country: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check(isCountryCode, 'progress_country_invalid')),
	period: v.pipe(v.unknown(), v.transform(Number), v.integer('progress_period_invalid'), v.minValue(2000, 'progress_period_invalid'), v.maxValue(2100, 'progress_period_invalid'))
});
export type OpenAssessmentInput = v.InferOutput<typeof OpenAssessmentInput>;

/** One answer as a form sends it: the value stays raw until its question type is known. */
export const AnswerInput = v.object({
	questionId: v.pipe(v.string(), v.maxLength(120)),
	value: v.optional(v.union([v.string(), v.array(v.string())]), ''),
	notApplicable: v.optional(v.boolean(), false),
	confidentiality: v.optional(v.picklist(CONFIDENTIALITY, 'progress_confidentiality_invalid'), 'public'),
	comment: optionalOrEmpty(text(L.textMax)),
	citation: optionalOrEmpty(text(L.citationMax)),
	adoptedOn: optionalOrEmpty(IsoDate),
	lawUrl: optionalOrEmpty(HttpUrl)
});
export type AnswerInput = v.InferOutput<typeof AnswerInput>;

/** A raw form value -> the typed value for this question (null when left empty). Throws with the question id as field. */
export function parseAnswerValue(q: Question, raw: string | string[] | undefined): AnswerValue {
	const bad = (code = 'progress_value_invalid'): never => {
		throw new ValidationError({ [q.id]: code });
	};
	if (q.type === 'multi_select') {
		const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((s) => s.trim()).filter(Boolean);
		const ids = new Set((q.options ?? []).map((o) => o.id));
		if (list.some((x) => !ids.has(x))) bad();
		return [...new Set(list)];
	}
	const s = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
	if (s === '') return null;
	switch (q.type) {
		case 'yes_partial_no':
			return (YPN as readonly string[]).includes(s) ? s : bad();
		case 'maturity': {
			const n = Number(s);
			return Number.isInteger(n) && n >= 0 && n <= 4 ? n : bad();
		}
		case 'number': {
			const n = Number(s.replace(/[\s,]/g, ''));
			return Number.isFinite(n) && n >= 0 && n <= 1e12 ? n : bad('progress_number_invalid');
		}
		case 'percent': {
			const n = Number(s.replace(/[\s%]/g, '').replace(',', '.'));
			return Number.isFinite(n) && n >= 0 && n <= 100 ? n : bad('progress_percent_invalid');
		}
		case 'date':
			return v.safeParse(IsoDate, s).success ? s : bad('progress_date_invalid');
		case 'text':
			return s.length <= L.textMax ? s : bad('text_too_long');
	}
}

export const DecisionInput = v.pipe(
	v.object({
		decision: v.picklist(['accept', 'query', 'reject'], 'progress_decision_invalid'),
		message: v.optional(text(L.messageMax), '')
	}),
	v.forward(
		v.check((d) => d.decision === 'accept' || d.message.length > 0, 'progress_message_required'),
		['message']
	)
);
export type DecisionInput = v.InferOutput<typeof DecisionInput>;

export const MessageInput = v.object({ body: requiredText(L.messageMax) });
export const ReasonInput = v.object({ reason: requiredText(L.messageMax) });

export const EvidenceUrlInput = v.object({ url: HttpUrl });

export const ContextValueInput = v.object({
	statId: v.pipe(v.string(), v.maxLength(120)),
	value: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s.replace(/[\s,%]/g, '')),
		v.check((s) => s === '' || (Number.isFinite(Number(s)) && Number(s) >= 0), 'progress_number_invalid'),
		v.transform((s): number | null => (s === '' ? null : Number(s)))
	),
	source: optionalOrEmpty(text(500)),
	confidentiality: v.optional(v.picklist(CONFIDENTIALITY, 'progress_confidentiality_invalid'), 'public')
});

export const ActionInput = v.object({
	title: requiredText(200),
	description: v.optional(text(4000), ''),
	owner: v.optional(text(200), ''),
	dueOn: optionalOrEmpty(IsoDate),
	status: v.optional(v.picklist(ACTION_STATUSES, 'progress_status_invalid'), 'planned'),
	progress: v.optional(v.pipe(v.unknown(), v.transform((x) => (x === '' || x === undefined ? 0 : Number(x))), v.integer('progress_progress_invalid'), v.minValue(0, 'progress_progress_invalid'), v.maxValue(100, 'progress_progress_invalid')), 0),
	indicatorIds: v.optional(v.array(v.pipe(v.string(), v.maxLength(120))), [])
});
export type ActionInput = v.InferOutput<typeof ActionInput>;

/** What a file upload must be: an allowed type (by name and declared type) and not too large. */
export function checkUpload(file: { name: string; type: string; size: number }): { mediaType: string; filename: string } {
	if (file.size === 0) throw new ValidationError({ file: 'progress_file_empty' });
	if (file.size > L.maxBytes) throw new ValidationError({ file: 'progress_file_too_large' });
	const ext = file.name.toLowerCase().split('.').pop() ?? '';
	const mediaType = Object.entries(L.types).find(([, exts]) => exts.includes(ext))?.[0];
	if (!mediaType) throw new ValidationError({ file: 'progress_file_type' });
	if (file.type && file.type !== 'application/octet-stream' && file.type !== mediaType) throw new ValidationError({ file: 'progress_file_type' });
	const filename = file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-150) || `evidence.${ext}`;
	return { mediaType, filename };
}

/** Content sniffing: the bytes must look like the type the name claims (a renamed executable is refused). */
export function checkMagic(mediaType: string, bytes: Uint8Array): boolean {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	switch (mediaType) {
		case 'application/pdf':
			return starts(0x25, 0x50, 0x44, 0x46);
		case 'image/png':
			return starts(0x89, 0x50, 0x4e, 0x47);
		case 'image/jpeg':
			return starts(0xff, 0xd8, 0xff);
		case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
		case 'application/vnd.oasis.opendocument.text':
			return starts(0x50, 0x4b, 0x03, 0x04);
		case 'text/plain':
			return !bytes.subarray(0, 4096).includes(0);
		default:
			return false;
	}
}

/**
 * An uploaded file ready to store: allowed type and size, content that matches the type, and for
 * images the metadata (EXIF GPS position, camera, comments) removed; `bytes` and `size` are what is kept.
 */
export function checkedFile(file: { name: string; type: string; size: number; bytes: Uint8Array }): { mediaType: string; filename: string; bytes: Uint8Array; size: number } {
	const { mediaType, filename } = checkUpload(file);
	if (!checkMagic(mediaType, file.bytes)) throw new ValidationError({ file: 'progress_file_type' });
	try {
		const bytes = stripImageMetadata(mediaType, file.bytes);
		return { mediaType, filename, bytes, size: bytes.length };
	} catch (e) {
		if (e instanceof MalformedImage) throw new ValidationError({ file: 'progress_file_type' });
		throw e;
	}
}

/** An id from a URL or form must look like one before it reaches SQL; anything else is simply not found. */
export function idOr404(id: string, code = 'not_found'): string {
	if (!isUuid(id)) throw new NotFound(code);
	return id;
}
