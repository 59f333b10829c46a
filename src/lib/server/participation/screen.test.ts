import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REMOVED, scrubPersonalData, suggestsHarm } from './screen';

// [language, input, what must be gone, what must stay]
const SCRUB: [string, string, string[], string[]][] = [
	['en', 'My name is Amina and I like games', ['Amina'], ['I like games']],
	['en', 'Write to me at amina.k@example.org please', ['amina.k@example.org'], ['please']],
	['en', 'call me on +254 712 345 678 after school', ['712', '345'], ['after school']],
	['en', 'follow me @amina_2014 on the app', ['amina_2014'], ['on the app']],
	['en', 'I live at 12 Baker Street London', ['12 Baker Street'], ['I live at']],
	['en', 'I use the internet 3 hours a day', [], ['3 hours a day']],
	['fr', "Je m'appelle Lucie et j'ai peur", ['Lucie'], ["j'ai peur"]],
	['fr', 'mon numéro: 06 12 34 56 78', ['12 34 56'], ['mon numéro']],
	['fr', "j'habite 12, rue de la Paix à Lyon", ['rue de la Paix'], ["j'habite"]],
	['es', 'Me llamo Carlos y tengo 11 años', ['Carlos'], ['tengo 11 años']],
	['es', 'vivo en calle Mayor 5, Madrid', ['calle Mayor 5'], ['vivo en']],
	['es', 'escríbeme a carlos@correo.es', ['carlos@correo.es'], ['escríbeme']],
	['ru', 'Меня зовут Маша, мне 10 лет', ['Маша'], ['мне 10 лет']],
	['ru', 'мой телефон 8 (916) 123-45-67', ['123-45-67'], ['мой телефон']],
	['ru', 'я живу на улица Ленина, д. 5', ['Ленина'], ['я живу на']],
	['zh', '我叫小明，我十岁', ['小明'], ['我十岁']],
	['zh', '我的电话是13812345678', ['13812345678'], ['我的电话是']],
	['zh', '我住在中山路12号', ['中山路12号'], ['我住在']],
	['ar', 'اسمي أحمد وأحب الألعاب', ['أحمد'], ['وأحب الألعاب']],
	['ar', 'رقمي ٠١٢٣٤٥٦٧٨٩ اتصل بي', ['٠١٢٣٤٥٦٧٨٩'], ['اتصل بي']],
	['ar', 'أسكن في شارع النيل 12', ['النيل'], ['أسكن في']],
	['ar', 'تابعني @ahmad_kw', ['ahmad_kw'], ['تابعني']]
];

describe('scrubPersonalData', () => {
	for (const [lang, input, gone, kept] of SCRUB) {
		it(`${lang}: ${input}`, () => {
			const out = scrubPersonalData(input);
			for (const g of gone) expect(out.text).not.toContain(g);
			for (const k of kept) expect(out.text).toContain(k);
			expect(out.removed).toBe(gone.length > 0);
			if (gone.length) expect(out.text).toContain(REMOVED);
		});
	}

	it('never throws and never grows a text by more than the markers', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (s) => {
				const out = scrubPersonalData(s);
				expect(typeof out.text).toBe('string');
				expect(scrubPersonalData(out.text).text).toBe(out.text);
			}),
			{ numRuns: 300 }
		);
	});
});

const HARM: [string, string, boolean][] = [
	['en', 'sometimes I want to die', true],
	['en', 'a man online is blackmailing me with photos', true],
	['en', 'I find help by asking my teacher', false],
	['en', 'I use Google to find answers', false],
	['fr', 'il me menace de publier mes photos', true],
	['fr', "je cherche de l'aide sur internet", false],
	['es', 'mi tío me pega cuando llego tarde', true],
	['es', 'busco ayuda con mis amigos', false],
	['ru', 'он шантажирует меня', true],
	['ru', 'я спрашиваю маму', false],
	['zh', '有人威胁我要发我的照片', true],
	['zh', '我问老师', false],
	['ar', 'شخص يبتزني على الإنترنت', true],
	['ar', 'أسأل أمي عندما أحتاج مساعدة', false]
];

describe('suggestsHarm', () => {
	for (const [lang, input, expected] of HARM) {
		it(`${lang}: ${input} -> ${expected}`, () => expect(suggestsHarm(input)).toBe(expected));
	}
	it('is case-insensitive', () => expect(suggestsHarm('I WANT TO DIE')).toBe(true));
});
