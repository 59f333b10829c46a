// The reader's chosen country for national adaptations: from ?country=XX only, never guessed.
import { isCountryCode } from '../../geo';

export function countryParam(url: URL): string | null {
	const c = (url.searchParams.get('country') ?? '').trim().toUpperCase();
	return c && isCountryCode(c) ? c : null;
}
