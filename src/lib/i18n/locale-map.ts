// The type of authored multilingual text, without runtime dependencies (usable from schema files).
export type LocaleCode = 'en' | 'fr' | 'es' | 'ru' | 'zh' | 'ar';
export type LocaleMap = Partial<Record<LocaleCode, string>>;
