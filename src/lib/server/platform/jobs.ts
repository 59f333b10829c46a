// Background jobs kept in PostgreSQL: no broker, they survive restarts, and any number of app
// instances may run them. Each job has a unique key (scheduling the same thing twice keeps one
// row); a due job is claimed with FOR UPDATE SKIP LOCKED and its handler runs inside the claiming
// transaction, so what it writes (an outbox mail, a status change) commits together with "done":
// two instances never run the same job, and a crash mid-way leaves it to be run again.
//
// Modules register their kinds at import time: `jobs.register('events.reminder', handler)`.
import { and, asc, eq, inArray, isNull, like, lte, sql } from 'drizzle-orm';
import { db, escapeLike, type Db, type Tx } from '../db';
import { log } from './log';
import { jobs } from './schema';

export type JobHandler = (tx: Tx, payload: unknown, job: { key: string; kind: string; runAt: Date; attempts: number; /** the time the runner runs at */ now: Date }) => Promise<void>;

const handlers = new Map<string, JobHandler>();
export const MAX_ATTEMPTS = 5;

/** Registers the handler of a job kind (once per process; a second registration replaces the first). */
export function register(kind: string, handler: JobHandler): void {
	handlers.set(kind, handler);
}

export interface JobSpec {
	kind: string;
	/** unique across all jobs: name it after what it does (`events.reminder:<event>:<minutes>:<start>`) */
	key: string;
	runAt: Date;
	payload?: unknown;
}

/** Schedules a job in the caller's transaction. A job with the same key already there is kept as it is. */
export async function schedule(tx: Db | Tx, spec: JobSpec): Promise<void> {
	await tx
		.insert(jobs)
		.values({ key: spec.key, kind: spec.kind, runAt: spec.runAt, payload: spec.payload ?? {} })
		.onConflictDoNothing({ target: jobs.key });
}

/** Drops jobs not yet run whose key starts with `prefix` (e.g. when an event is cancelled). */
export async function unschedule(tx: Db | Tx, prefix: string): Promise<void> {
	await tx.delete(jobs).where(and(like(jobs.key, `${escapeLike(prefix)}%`), isNull(jobs.doneAt)));
}

/** Runs one due job, if any. Returns whether one was claimed. */
async function runOne(now: Date, handle: Db): Promise<boolean> {
	const kinds = [...handlers.keys()];
	if (!kinds.length) return false;
	return handle.transaction(async (tx) => {
		const [job] = await tx
			.select()
			.from(jobs)
			.where(and(isNull(jobs.doneAt), lte(jobs.runAt, now), inArray(jobs.kind, kinds), sql`${jobs.attempts} < ${MAX_ATTEMPTS}`))
			.orderBy(asc(jobs.runAt))
			.limit(1)
			.for('update', { skipLocked: true });
		if (!job) return false;
		const handler = handlers.get(job.kind)!;
		try {
			// a savepoint: a failing handler's writes are undone, the claim and the failure are kept
			await tx.transaction((inner) => handler(inner, job.payload, { key: job.key, kind: job.kind, runAt: job.runAt, attempts: job.attempts, now }));
			await tx.update(jobs).set({ doneAt: new Date(), attempts: job.attempts + 1, lastError: null }).where(eq(jobs.key, job.key));
		} catch (e) {
			const attempts = job.attempts + 1;
			// back off 1, 4, 9, 16 minutes
			await tx
				.update(jobs)
				.set({ attempts, lastError: String((e as Error)?.message ?? e).slice(0, 500), runAt: new Date(now.getTime() + attempts * attempts * 60_000) })
				.where(eq(jobs.key, job.key));
			log.warn('job failed', { key: job.key, kind: job.kind, attempts });
		}
		return true;
	});
}

/** Runs due jobs until none is left or `limit` ran. Safe on every instance at once. */
export async function runDue(now = new Date(), limit = 100, handle: Db = db()): Promise<number> {
	let n = 0;
	while (n < limit && (await runOne(now, handle))) n++;
	return n;
}

/** Deletes finished jobs older than `days`. */
export async function prune(now = new Date(), days = 30): Promise<void> {
	await db().delete(jobs).where(and(sql`${jobs.doneAt} is not null`, lte(jobs.doneAt, new Date(now.getTime() - days * 86_400_000))));
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

/** Starts running due jobs every `intervalMs` (from the server's start-up path). */
export function start(intervalMs = Number(process.env.JOBS_INTERVAL_MS ?? 30_000)): void {
	if (timer) return;
	const tick = () => {
		if (running) return;
		running = runDue()
			.catch((err) => log.error('job run failed', { err }))
			.finally(() => (running = undefined));
	};
	timer = setInterval(tick, intervalMs);
	timer.unref();
	setTimeout(tick, 1000).unref();
}

/** Stops the runner and waits for the run in progress (on shutdown, before the database closes). */
export async function stop(): Promise<void> {
	if (timer) clearInterval(timer);
	timer = undefined;
	await running;
}

/** For tests and the admin page: jobs by key prefix. */
export async function list(prefix = '') {
	return db().select().from(jobs).where(like(jobs.key, `${escapeLike(prefix)}%`)).orderBy(asc(jobs.runAt));
}
