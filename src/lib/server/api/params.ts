// Query-parameter helpers for API handlers: unknown values are a 400 with a clear code, never a guess.
import { ValidationError } from '../platform/errors';

export function langParam(url: URL): 'en' | 'fr' | 'es' | 'ru' | 'zh' | 'ar' {
	const lang = url.searchParams.get('lang') ?? 'en';
	if (lang === 'en' || lang === 'fr' || lang === 'es' || lang === 'ru' || lang === 'zh' || lang === 'ar') return lang;
	throw new ValidationError({ lang: 'lang_invalid' });
}
