// Errors a command may raise. Each carries an HTTP status and a stable code that the
// route layer turns into a message in the reader's language (see $lib/i18n/errors).

export class DomainError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
		readonly code: string,
		readonly fields: Record<string, string> = {}
	) {
		super(code);
		this.name = 'DomainError';
	}
}

/** Input failed validation; `fields` maps a field name to an error code. */
export class ValidationError extends DomainError {
	constructor(fields: Record<string, string>, code = 'invalid_input') {
		super(400, code, fields);
	}
}

export class Unauthenticated extends DomainError {
	constructor() {
		super(401, 'sign_in_required');
	}
}

export class Forbidden extends DomainError {
	constructor(code = 'forbidden') {
		super(403, code);
	}
}

export class NotFound extends DomainError {
	constructor(code = 'not_found') {
		super(404, code);
	}
}

export class Conflict extends DomainError {
	constructor(code: string, fields: Record<string, string> = {}) {
		super(409, code, fields);
	}
}

export class RateLimited extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super(429, 'rate_limited');
	}
}

export function isDomainError(e: unknown): e is DomainError {
	return e instanceof DomainError;
}
