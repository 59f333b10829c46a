// Per-request context (request id) carried through async calls, so logs and the audit log
// can name the request without every function passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
	requestId: string;
}

/** A request id we accept from `X-Request-Id` (else we make one): nothing a log line could be forged with. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
	return storage.run(context, fn);
}

export function currentRequestId(): string | undefined {
	return storage.getStore()?.requestId;
}
