// Start-up: open and migrate the database, seed demo content on the first run, make sure an
// admin exists (printing a generated password once), and schedule housekeeping.
import { sql } from 'drizzle-orm';
import { database, openConfiguredDatabase, useDatabase } from './db';
import * as identity from './identity';
import * as mail from './mail';
import './events'; // registers the events module's job kinds
import './network'; // registers its retention rule
import './federation'; // registers the hub's pull job
import * as participation from './participation';
import * as cache from './platform/cache';
import * as jobs from './platform/jobs';
import * as retention from './platform/retention';
import * as directory from './directory'; // modules register their retention rules when imported
import './learning';
import './progress';
import { log } from './platform/log';
import { getMeta, setMeta } from './platform/meta';
import { prune } from './platform/rate-limit';
import { seedDemo } from './seed';

let started: Promise<void> | undefined;
const timers: NodeJS.Timeout[] = [];

export function startup(): Promise<void> {
	return (started ??= run());
}

async function run(): Promise<void> {
	const t0 = performance.now();
	const d = await openConfiguredDatabase();
	useDatabase(d);
	// page-cache counters pushed by NOTIFY, for the front door (platform/page-cache.ts)
	await cache.live.start(d);
	await d.withLock(async () => {
		// once per version: the weekly hours "open now" reads in SQL, for services written before them
		const filled = await directory.ensureServiceWeeks(d.db);
		if (filled) log.info('directory weekly hours derived', { services: filled });
		if (process.env.SEED_DEMO !== 'off' && !(await getMeta('demo_seeded_at'))) {
			await seedDemo();
			await setMeta('demo_seeded_at', new Date().toISOString());
			log.info('demo content seeded');
		}
		await bootstrapAdmin();
		// daily jobs: the first run is scheduled here, each run schedules the next
		await participation.scheduleRetention(d.db);
		await retention.schedule(d.db);
	});
	timers.push(setInterval(() => void mail.deliverPending().catch((err) => log.error('mail run failed', { err })), 60_000));
	timers.push(setInterval(() => void housekeeping().catch((err) => log.error('housekeeping failed', { err })), 3_600_000));
	for (const t of timers) t.unref();
	jobs.start();
	log.info('database ready', { kind: d.kind, ms: Math.round(performance.now() - t0) });
}

async function housekeeping(): Promise<void> {
	await prune();
	await identity.pruneExpired();
	await jobs.prune();
	// PGlite has no autovacuum: keep planner statistics and GIN indexes fresh ourselves
	if (database().kind === 'pglite') await database().db.execute(sql`vacuum analyze`);
}

/** On the first run (no admin yet), create one. ADMIN_EMAIL / ADMIN_PASSWORD may preset it. */
async function bootstrapAdmin(): Promise<void> {
	if ((await identity.countAdmins()) > 0) return;
	const email = process.env.ADMIN_EMAIL ?? 'admin@cop.localhost';
	const { password } = await identity.createAdmin({ email, password: process.env.ADMIN_PASSWORD || undefined });
	const shown = process.env.ADMIN_PASSWORD ? '(the ADMIN_PASSWORD you set)' : password;
	// Printed once, plainly, for the person starting the platform; never logged again.
	process.stdout.write(
		`\n  First run: an administrator account was created.\n    email:    ${email}\n    password: ${shown}\n  Keep this password safe; it is not shown again. (npm run admin:create makes more admins.)\n\n`
	);
}

export async function shutdown(): Promise<void> {
	for (const t of timers) clearInterval(t);
	await jobs.stop().catch(() => {});
	await cache.live.close().catch(() => {});
	try {
		await database().close();
		log.info('database closed');
	} catch {
		/* not open */
	}
}
