// Retention: how long each kind of record is kept, set per deployment, and one daily job that
// removes what is older. Each module registers what it keeps (`retention.register(...)`) next to its
// schema; the periods' defaults are written in docs/privacy.md (section 6.3), and a deployer changes
// one with `RETENTION_<NAME>_DAYS` (`0` keeps that kind forever). Sessions, reset links and
// rate-limit rows are not here: they expire within hours and the hourly housekeeping removes them.
import type { Db, Tx } from '../db';
import * as jobs from './jobs';
import { log } from './log';

export interface Rule {
	/** short name, also the environment variable's middle part: `outbox` -> RETENTION_OUTBOX_DAYS */
	name: string;
	/** what is removed, for the docs and the log */
	what: string;
	defaultDays: number;
	/** removes what is older than `cutoff`; returns how many records it removed or emptied */
	prune: (tx: Tx, cutoff: Date, now: Date) => Promise<number>;
}

const rules = new Map<string, Rule>();

export function register(rule: Rule): void {
	rules.set(rule.name, rule);
}

export function registered(): Rule[] {
	return [...rules.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The period in days for a rule: its environment variable, else its default. null = keep forever. */
export function periodDays(rule: Pick<Rule, 'name' | 'defaultDays'>, env: NodeJS.ProcessEnv = process.env): number | null {
	const raw = env[`RETENTION_${rule.name.toUpperCase()}_DAYS`]?.trim();
	if (raw === undefined || raw === '') return rule.defaultDays > 0 ? rule.defaultDays : null;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`RETENTION_${rule.name.toUpperCase()}_DAYS must be a whole number of days (0 keeps forever), not "${raw}"`);
	return n === 0 ? null : n;
}

/** Runs every rule once, each in its own savepoint so one failing rule does not stop the others. */
export async function runAll(tx: Tx, now = new Date()): Promise<Record<string, number | 'kept' | 'failed'>> {
	const report: Record<string, number | 'kept' | 'failed'> = {};
	for (const rule of registered()) {
		const days = periodDays(rule);
		if (days === null) {
			report[rule.name] = 'kept';
			continue;
		}
		const cutoff = new Date(now.getTime() - days * 86_400_000);
		try {
			report[rule.name] = await tx.transaction((inner) => rule.prune(inner, cutoff, now));
		} catch (err) {
			log.error('retention rule failed', { rule: rule.name, err });
			report[rule.name] = 'failed';
		}
	}
	log.info('retention run', report);
	return report;
}

const KIND = 'platform.retention';

/** The daily retention job for the day after `now` (at 02:30 UTC), unless it is already there. */
export async function schedule(handle: Db | Tx, now = new Date()): Promise<void> {
	const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2, 30));
	await jobs.schedule(handle, { kind: KIND, key: `${KIND}:${next.toISOString().slice(0, 10)}`, runAt: next });
}

jobs.register(KIND, async (tx, _payload, job) => {
	await runAll(tx, job.now);
	await schedule(tx, job.now);
});
