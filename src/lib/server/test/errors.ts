// Awaits a command expected to fail and returns its domain error code (any other failure rethrows).
import { DomainError } from '../platform/errors';

export async function codeOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
	throw new Error('expected a DomainError');
}
