// Help-finder use cases. Moderator commands authorise first and write the audit log (the
// service's change history) in the same transaction. Public commands are rate limited.
import { deploymentName } from '../platform/meta';
import { and, eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { sha256 } from '../identity/crypto';
import * as cache from '../platform/cache';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import { hit } from '../platform/rate-limit';
import { parse } from '../platform/validate';
import { DecisionInput, ReportInput, ServiceInput, ServiceTextsInput, VerifyInput } from './input';
import { canForCountries } from './policy';
import type { LocaleMap } from '../../i18n/locale-map';
import { changeRequests, channels, organizations, services } from './schema';
import { serviceSnapshot } from './queries';
import { searchTextOf } from './match';
import { serviceWeek } from './weekly-hours';

const PUBLIC_LIMIT = { name: 'directory_public', max: 10, windowSeconds: 3600 };

/**
 * Writes a validated service (new or replacing an existing one's fields and channels). Every write
 * to what the help finder shows goes through here or verifyService: both drop cached help pages.
 */
async function writeService(tx: Db | Tx, input: ServiceInput, options: { id?: string; isDemo?: boolean } = {}) {
	await cache.invalidate(tx, 'directory');
	const [org] = options.id
		? await tx
				.select({ id: organizations.id })
				.from(organizations)
				.innerJoin(services, eq(services.organizationId, organizations.id))
				.where(eq(services.id, options.id))
		: [];
	let organizationId = org?.id;
	if (organizationId) {
		await tx.update(organizations).set({ name: input.organization.name, website: input.organization.website, updatedAt: new Date() }).where(eq(organizations.id, organizationId));
	} else {
		[{ id: organizationId }] = await tx.insert(organizations).values({ name: input.organization.name, website: input.organization.website }).returning({ id: organizations.id });
	}
	const values = {
		organizationId: organizationId!,
		name: input.name,
		description: input.description,
		whatHappens: input.whatHappens,
		kind: input.kind,
		status: input.status,
		ageMin: input.ageMin,
		ageMax: input.ageMax,
		languages: input.languages,
		countries: [...new Set(input.countries)],
		areas: input.areas,
		cost: input.cost,
		topics: [...new Set(input.topics)],
		actions: [...new Set(input.actions)],
		website: input.website,
		source: input.source,
		searchText: searchTextOf(input),
		// the channels' weekly hours, as "open now" reads them in SQL
		...serviceWeek(input.channels.map((c) => c.hours)),
		updatedAt: new Date()
	};
	let id = options.id;
	if (id) {
		await tx.update(services).set(values).where(eq(services.id, id));
		await tx.delete(channels).where(eq(channels.serviceId, id));
	} else {
		[{ id }] = await tx.insert(services).values({ ...values, isDemo: options.isDemo ?? false }).returning({ id: services.id });
	}
	if (input.channels.length) {
		await tx.insert(channels).values(input.channels.map((c, position) => ({ ...c, serviceId: id!, position, detail: c.detail ?? null })));
	}
	return id!;
}

/** A moderator adds a service. */
export async function createService(actor: Actor | null, rawInput: unknown) {
	// a moderator at all before the form is read (the countries, and so the scope, are in the form)
	assertHolds(actor, canForCountries(actor, 'queue.view'));
	const input = parse(ServiceInput, rawInput);
	assertHolds(actor, canForCountries(actor, 'service.edit', input.countries));
	return db().transaction(async (tx) => {
		const id = await writeService(tx, input);
		await audit.record(tx, actor, { action: 'service.create', entityType: 'service', entityId: id, after: input });
		return id;
	});
}

/** A moderator changes a service; the audit entry keeps the full before and after. */
export async function updateService(actor: Actor | null, id: string, rawInput: unknown) {
	// authorise on the service as it is before reading the form, then on the countries it will serve
	assertHolds(actor, canForCountries(actor, 'queue.view'));
	return db().transaction(async (tx) => {
		const before = await serviceSnapshot(tx, id);
		if (!before) throw new NotFound('service_not_found');
		assertHolds(actor, canForCountries(actor, 'service.edit', before.countries));
		const input = parse(ServiceInput, rawInput);
		assertHolds(actor, canForCountries(actor, 'service.edit', [...new Set([...before.countries, ...input.countries])]));
		await writeService(tx, input, { id });
		await audit.record(tx, actor, { action: 'service.update', entityType: 'service', entityId: id, before, after: input });
	});
}

/** `before` with the languages of `changes` replaced, and those given as '' removed (other languages, e.g. sw, kept). */
function withTexts(before: LocaleMap, changes: Partial<Record<string, string>>): LocaleMap {
	const out: Record<string, string> = { ...before };
	for (const [lang, text] of Object.entries(changes)) {
		if (text === undefined) continue;
		if (text) out[lang] = text;
		else delete out[lang];
	}
	return out as LocaleMap;
}

const sameTexts = (a: LocaleMap, b: LocaleMap) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * A moderator writes a service's description and "what happens when you get in touch" language by
 * language (the per-language form): a language left out is unchanged, an empty text removes it. A
 * description, once written, is kept in at least one language. Same permission and scope as
 * updateService; audited in the service's history as `service.texts`, with the texts before and after.
 * Returns whether anything changed (an unchanged form writes nothing).
 */
export async function setServiceTexts(actor: Actor | null, id: string, rawInput: unknown): Promise<{ changed: boolean }> {
	assertHolds(actor, canForCountries(actor, 'queue.view'));
	return db().transaction(async (tx) => {
		const [row] = await tx
			.select({ countries: services.countries, description: services.description, whatHappens: services.whatHappens })
			.from(services)
			.where(eq(services.id, id))
			.for('update');
		if (!row) throw new NotFound('service_not_found');
		assertHolds(actor, canForCountries(actor, 'service.edit', row.countries));
		const input = parse(ServiceTextsInput, rawInput);
		const description = withTexts(row.description, input.description);
		const whatHappens = withTexts(row.whatHappens, input.whatHappens);
		if (Object.keys(row.description).length > 0 && Object.keys(description).length === 0) {
			// named on each box this form emptied, so the error shows beside them
			const emptied = Object.keys(row.description).map((lang) => [`description.${lang}`, 'description_required']);
			throw new ValidationError(Object.fromEntries(emptied), 'description_required');
		}
		if (sameTexts(description, row.description) && sameTexts(whatHappens, row.whatHappens)) return { changed: false };
		await tx.update(services).set({ description, whatHappens, updatedAt: new Date() }).where(eq(services.id, id));
		await cache.invalidate(tx, 'directory');
		await audit.record(tx, actor, {
			action: 'service.texts',
			entityType: 'service',
			entityId: id,
			before: { description: row.description, whatHappens: row.whatHappens },
			after: { description, whatHappens }
		});
		return { changed: true };
	});
}

/** A moderator confirms the entry is true, and says how they checked. */
export async function verifyService(actor: Actor | null, id: string, rawInput: unknown) {
	assertHolds(actor, canForCountries(actor, 'queue.view'));
	return db().transaction(async (tx) => {
		const [row] = await tx.select().from(services).where(eq(services.id, id));
		if (!row) throw new NotFound('service_not_found');
		assertHolds(actor, canForCountries(actor, 'service.verify', row.countries));
		const input = parse(VerifyInput, rawInput);
		const now = new Date();
		const after = { verifiedAt: now, updatedAt: now, verifiedBy: deploymentName(), verificationMethod: input.method, verificationNote: input.note || null, isDemo: false };
		await tx.update(services).set(after).where(eq(services.id, id));
		await cache.invalidate(tx, 'directory');
		await audit.record(tx, actor, {
			action: 'service.verify',
			entityType: 'service',
			entityId: id,
			before: { verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy, verificationMethod: row.verificationMethod, isDemo: row.isDemo },
			after
		});
	});
}

export interface PublicClient {
	ip: string;
}

/** Anyone suggests a new service; it waits in the moderation queue. */
export async function suggestService(rawInput: unknown, message: string, client: PublicClient) {
	const input = parse(ServiceInput, rawInput);
	const note = parse(ReportInput, { message: message || '-', contact: '' });
	await hit(PUBLIC_LIMIT, sha256(client.ip));
	const [row] = await db()
		.insert(changeRequests)
		.values({ kind: 'suggest_service', proposal: input, message: note.message === '-' ? '' : note.message })
		.returning({ id: changeRequests.id });
	return row.id;
}

/** Anyone reports a problem with an entry (wrong number, closed, unsafe...). */
export async function reportProblem(serviceId: string, rawInput: unknown, client: PublicClient) {
	const input = parse(ReportInput, rawInput);
	const [service] = await db().select({ id: services.id }).from(services).where(eq(services.id, serviceId));
	if (!service) throw new NotFound('service_not_found');
	await hit(PUBLIC_LIMIT, sha256(client.ip));
	const [row] = await db()
		.insert(changeRequests)
		.values({ kind: 'report_problem', serviceId, message: input.message, contact: input.contact || null })
		.returning({ id: changeRequests.id });
	return row.id;
}

/** A moderator approves or rejects a queued suggestion or report. Approving a suggestion creates the service. */
export async function decideRequest(actor: Actor | null, requestId: string, rawInput: unknown) {
	assertHolds(actor, canForCountries(actor, 'queue.view'));
	return db().transaction(async (tx) => {
		const [req] = await tx.select().from(changeRequests).where(eq(changeRequests.id, requestId)).for('update');
		if (!req) throw new NotFound('request_not_found');
		if (req.status !== 'pending') throw new Conflict('request_already_decided');
		const countries = req.kind === 'suggest_service'
			? ((req.proposal as ServiceInput).countries ?? [])
			: ((await tx.select({ countries: services.countries }).from(services).where(eq(services.id, req.serviceId!)))[0]?.countries ?? []);
		assertHolds(actor, canForCountries(actor, 'request.decide', countries));
		const input = parse(DecisionInput, rawInput);
		let createdId: string | undefined;
		if (input.decision === 'approve' && req.kind === 'suggest_service') {
			const proposal = parse(ServiceInput, req.proposal);
			createdId = await writeService(tx, proposal);
			await audit.record(tx, actor, { action: 'service.create', entityType: 'service', entityId: createdId, after: proposal });
		}
		const status = input.decision === 'approve' ? 'approved' : 'rejected';
		await tx
			.update(changeRequests)
			.set({ status, decidedAt: new Date(), decidedBy: actor.id, decisionNote: input.note || null, serviceId: createdId ?? req.serviceId })
			.where(and(eq(changeRequests.id, requestId), eq(changeRequests.status, 'pending')));
		await audit.record(tx, actor, {
			action: `directory_request.${input.decision}`,
			entityType: 'directory_request',
			entityId: requestId,
			before: { status: 'pending' },
			after: { status, note: input.note || null, serviceId: createdId ?? req.serviceId }
		});
		return { status, serviceId: createdId ?? req.serviceId };
	});
}

/** Seeds or imports a service without an actor (first-run demo content, import by the system). */
export async function insertServiceAsSystem(tx: Db | Tx, rawInput: unknown, options: { isDemo: boolean }) {
	const input = parse(ServiceInput, rawInput);
	return writeService(tx, input, { isDemo: options.isDemo });
}
