// The type of authored multilingual text, without runtime dependencies (usable from schema files):
// the import is a type only, Paraglide's Locale.
import type { Locale } from '../paraglide/runtime';
export type LocaleCode = Locale;
export type LocaleMap = Partial<Record<LocaleCode, string>>;
