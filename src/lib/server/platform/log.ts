// Structured JSON logs, one object per line on stdout, with the request id when there is one.
import { currentRequestId } from './context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (ORDER[level] < threshold) return;
	const line = { time: new Date().toISOString(), level, msg, requestId: currentRequestId(), ...fields };
	const out = JSON.stringify(line, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));
	if (level === 'error' || level === 'warn') process.stderr.write(out + '\n');
	else process.stdout.write(out + '\n');
}

export const log = {
	debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields)
};
