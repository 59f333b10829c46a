// The outbox. Commands enqueue mail inside their own transaction; delivery happens after commit.
// With SMTP_URL set, mail is sent (and retried); without it, mail is stored for an admin to read.
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { log } from '../platform/log';
import { outbox } from './schema';
import * as retention from '../platform/retention';

export interface Mail {
	to: string;
	subject: string;
	body: string;
	/** small text files sent with the message (an event's .ics); admins see them in the outbox */
	attachments?: { filename: string; contentType: string; content: string }[];
}

const MAX_ATTEMPTS = 5;

export function smtpConfigured(): boolean {
	return !!process.env.SMTP_URL;
}

/** Writes a message to the outbox in the caller's transaction. */
export async function enqueue(tx: Db | Tx, mail: Mail): Promise<string> {
	const [row] = await tx
		.insert(outbox)
		.values({ ...mail, attachments: mail.attachments?.length ? mail.attachments : null, status: smtpConfigured() ? 'queued' : 'stored' })
		.returning({ id: outbox.id });
	return row.id;
}

type Transport = {
	sendMail(m: { from: string; to: string; subject: string; text: string; attachments?: { filename: string; contentType: string; content: string }[] }): Promise<unknown>;
};
let transport: Transport | undefined;

async function getTransport(): Promise<Transport> {
	if (transport) return transport;
	const nodemailer = await import('nodemailer');
	transport = nodemailer.createTransport(process.env.SMTP_URL) as Transport;
	return transport;
}

/** Sends queued mail. Safe to run on every instance at once: rows are claimed with SKIP LOCKED. */
export async function deliverPending(limit = 20): Promise<number> {
	if (!smtpConfigured()) return 0;
	const from = process.env.MAIL_FROM ?? 'COP Platform <no-reply@localhost>';
	let sent = 0;
	await db().transaction(async (tx) => {
		const claimed = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.status, 'queued'), lt(outbox.attempts, MAX_ATTEMPTS)))
			.orderBy(outbox.createdAt)
			.limit(limit)
			.for('update', { skipLocked: true });
		const smtp = await getTransport();
		for (const m of claimed) {
			try {
				await smtp.sendMail({ from, to: m.to, subject: m.subject, text: m.body, attachments: m.attachments ?? undefined });
				await tx.update(outbox).set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, lastError: null }).where(eq(outbox.id, m.id));
				sent++;
			} catch (e) {
				const attempts = m.attempts + 1;
				await tx
					.update(outbox)
					.set({ attempts, lastError: String((e as Error).message).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued' })
					.where(eq(outbox.id, m.id));
				log.warn('mail delivery failed', { outboxId: m.id, attempts });
			}
		}
	});
	return sent;
}

/** Kicks delivery without making the caller wait; failures stay queued for the next run. */
export function deliverSoon(): void {
	if (!smtpConfigured()) return;
	void deliverPending().catch((e) => log.error('mail delivery run failed', { err: e }));
}

export async function list(options: { status?: string[]; limit?: number } = {}) {
	return db()
		.select()
		.from(outbox)
		.where(options.status?.length ? inArray(outbox.status, options.status) : undefined)
		.orderBy(desc(outbox.createdAt))
		.limit(Math.min(options.limit ?? 100, 500));
}

export async function get(id: string) {
	const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
	return row;
}

export async function countByStatus(): Promise<Record<string, number>> {
	const rows = await db()
		.select({ status: outbox.status, n: sql<number>`count(*)::int` })
		.from(outbox)
		.groupBy(outbox.status);
	return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

// Retention: mail leaves the outbox 30 days after it was sent (or stored for an admin, or failed).
retention.register({
	name: 'outbox',
	what: 'outgoing mail (recipient, subject, body) 30 days after it was sent, stored or given up on',
	defaultDays: 30,
	prune: async (tx, cutoff) =>
		(await tx.delete(outbox).where(and(inArray(outbox.status, ['sent', 'stored', 'failed']), lt(sql`coalesce(${outbox.sentAt}, ${outbox.createdAt})`, cutoff))).returning({ id: outbox.id })).length
});
