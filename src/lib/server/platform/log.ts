// Structured JSON logs, one object per line on stdout, with the request id when there is one.
import { currentRequestId } from './context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;

/**
 * Database errors quote the failed statement and its parameters (`Failed query: ...\nparams: ...`),
 * and parameters are what people typed: an email, a reporter's contact. Logs keep the statement only.
 */
export function redactError(e: Error): { name: string; message: string; stack?: string; code?: string } {
	const strip = (text: string | undefined) => text?.replace(/\nparams: [\s\S]*?(?=\n    at |$)/, '\nparams: [redacted]');
	const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
	return { name: e.name, message: strip(e.message) ?? '', stack: strip(e.stack), ...(typeof code === 'string' ? { code } : {}) };
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (ORDER[level] < threshold) return;
	const line = { time: new Date().toISOString(), level, msg, requestId: currentRequestId(), ...fields };
	const out = JSON.stringify(line, (_k, v) => (v instanceof Error ? redactError(v) : v));
	if (level === 'error' || level === 'warn') process.stderr.write(out + '\n');
	else process.stdout.write(out + '\n');
}

export const log = {
	debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields)
};
