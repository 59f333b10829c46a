// Screening of children's free text before anything is stored:
// - personal data (emails, phone numbers, @handles, names after "my name is", street addresses) is
//   replaced by "[…]" and the child is told so;
// - words that suggest harm or danger (a curated list per language, content/participation/harm-words.json)
//   make the page show a calm panel with help for the child's country. That result is returned to the
//   page and NEVER stored.
// Pure functions, tested on a table of examples in six languages (screen.test.ts).
import { locales, type Locale } from '../../paraglide/runtime';
import harmWords from '../../../../content/participation/harm-words.json' with { type: 'json' };
import personal from '../../../../content/participation/personal-data.json' with { type: 'json' };

export const REMOVED = '[…]';
const LANGS = locales;
type Lang = Locale;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Scripts without spaces between words, or with prefixes glued to words: match anywhere. */
const ANYWHERE = /[\u0600-\u06FF\u4E00-\u9FFF]/;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL_WITH_USER = /\b(?:https?:\/\/)?(?:www\.)?(?:instagram|tiktok|snapchat|facebook|twitter|x|t|wa|telegram)\.(?:com|me|org)\/[\w.@-]+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,}/gu;
/** 7 or more digits, possibly with spaces, dots, dashes, brackets, a leading +. Any script's digits. */
const PHONE = /\+?[(\d\p{Nd}][\d\p{Nd}\s().\-–]{5,}[\d\p{Nd}]/gu;

const namePattern = new RegExp(
	`(${LANGS.flatMap((l) => (personal.namePhrases as Record<Lang, string[]>)[l]).map(escape).join('|')})(\\s*[:：,،]?\\s*)([\\p{L}\\p{M}'’-]+(?:\\s+[\\p{Lu}][\\p{L}\\p{M}'’-]*)?)`,
	'giu'
);
// Chinese names follow the phrase with no space: take up to three characters.
const zhNamePattern = new RegExp(`(${(personal.namePhrases.zh as string[]).map(escape).join('|')})([\\u4E00-\\u9FFF]{1,3})`, 'gu');

const streetWordsAlpha = LANGS.filter((l) => l !== 'zh').flatMap((l) => (personal.streetWords as Record<Lang, string[]>)[l]).map(escape).join('|');
const ADDRESS = [
	// "12 Baker Street", "12, rue de la Paix"
	new RegExp(`\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'’-]+\\s+){0,3}(?:${streetWordsAlpha})\\b\\.?(?:\\s+[\\p{L}'’-]+){0,2}`, 'giu'),
	// "rue de la Paix 12", "calle Mayor 5", "улица Ленина, д. 5", "شارع النيل 12"
	new RegExp(`(?:^|(?<=[\\s,،]))(?:${streetWordsAlpha})\\.?\\s+(?:[\\p{L}'’-]+\\s*){1,3},?\\s*(?:(?:д|дом|кв)\\.?\\s*)?\\d{1,5}[a-zа-я]?`, 'giu'),
	// "中山路12号", "长安街5号"
	/(?:(?![在住于到是我的])[\u4E00-\u9FFF]){1,6}(?:路|街|道|巷|弄)\s*\d{1,5}\s*号?/gu
];

export interface Scrubbed {
	text: string;
	/** true when something was removed: the child is told so */
	removed: boolean;
}

function digitCount(s: string): number {
	return (s.match(/\p{Nd}/gu) ?? []).length;
}

/** Removes personal data from a child's free text. */
export function scrubPersonalData(input: string): Scrubbed {
	let text = input;
	const before = text;
	text = text.replace(EMAIL, REMOVED);
	text = text.replace(URL_WITH_USER, REMOVED);
	text = text.replace(HANDLE, (_m, lead: string) => `${lead}${REMOVED}`);
	text = text.replace(zhNamePattern, (_m, phrase: string) => `${phrase}${REMOVED}`);
	text = text.replace(namePattern, (_m, phrase: string, sep: string) => `${phrase}${sep}${REMOVED}`);
	for (const re of ADDRESS) text = text.replace(re, REMOVED);
	text = text.replace(PHONE, (m) => (digitCount(m) >= 7 ? REMOVED : m));
	return { text, removed: text !== before };
}

const harmMatchers: { phrase: string; anywhere: boolean; re?: RegExp }[] = LANGS.flatMap((l) =>
	(harmWords as unknown as Record<Lang, string[]>)[l].map((phrase) => {
		const p = phrase.toLocaleLowerCase();
		const anywhere = ANYWHERE.test(p);
		return { phrase: p, anywhere, re: anywhere ? undefined : new RegExp(`(^|[^\\p{L}\\p{M}])${escape(p)}`, 'u') };
	})
);

/** Does the text contain words that suggest harm or danger (in any of the six languages)? */
export function suggestsHarm(input: string): boolean {
	const text = input.toLocaleLowerCase().normalize('NFC').replace(/\s+/g, ' ');
	return harmMatchers.some((m) => (m.anywhere ? text.includes(m.phrase) : m.re!.test(text)));
}
