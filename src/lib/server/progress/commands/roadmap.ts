// Roadmap use cases: the focal point's actions for their country, linked to indicators.
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '../../db';
import { assertHolds, audit, type Actor } from '../../identity';
import * as cache from '../../platform/cache';
import { NotFound, ValidationError } from '../../platform/errors';
import { parse } from '../../platform/validate';
import { type Framework } from '../../../progress/model';
import { findFramework } from '../framework';
import { ActionInput, idOr404 } from '../input';
import { can, countryTarget } from '../policy';
import { answers, roadmapActions } from '../schema';

async function actionFor(tx: Db | Tx, id: string) {
	idOr404(id, 'progress_action_not_found');
	const [row] = await tx.select().from(roadmapActions).where(eq(roadmapActions.id, id)).for('update');
	if (!row) throw new NotFound('progress_action_not_found');
	// every change of an action locks it here first: the public roadmap changes
	await cache.invalidate(tx, 'progress');
	return row;
}

function checkIndicators(fw: Framework | null, ids: string[]) {
	if (!fw) return;
	const known = new Set(fw.pillars.flatMap((p) => p.indicators.map((i) => i.id)));
	if (ids.some((id) => !known.has(id))) throw new ValidationError({ indicatorIds: 'progress_indicator_unknown' });
}

const actionValues = (input: ActionInput) => ({
	title: input.title,
	description: input.description,
	owner: input.owner,
	dueOn: input.dueOn,
	status: input.status,
	progress: input.status === 'done' ? 100 : input.progress,
	indicatorIds: [...new Set(input.indicatorIds)]
});

/** The focal point adds an action to their country's roadmap. */
export async function createAction(actor: Actor | null, country: string, raw: unknown): Promise<string> {
	// authorise on the country in the URL before reading the form
	const c = country.toUpperCase();
	assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(c)));
	const input = parse(ActionInput, raw);
	return db().transaction(async (tx) => {
		checkIndicators(await findFramework(tx), input.indicatorIds);
		await cache.invalidate(tx, 'progress');
		const values = actionValues(input);
		const [row] = await tx
			.insert(roadmapActions)
			.values({ ...values, country: c, completedAt: values.status === 'done' ? new Date() : null })
			.returning({ id: roadmapActions.id });
		await audit.record(tx, actor, { action: 'progress_action.create', entityType: 'progress_action', entityId: row.id, after: { country: c, ...values } });
		return row.id;
	});
}

/** The focal point changes an action. Marking it done starts the "update your answers" prompt. */
export async function updateAction(actor: Actor | null, id: string, raw: unknown): Promise<void> {
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		const input = parse(ActionInput, raw);
		checkIndicators(await findFramework(tx), input.indicatorIds);
		const values = actionValues(input);
		const becameDone = values.status === 'done' && before.status !== 'done';
		await tx
			.update(roadmapActions)
			.set({
				...values,
				completedAt: values.status === 'done' ? (becameDone ? new Date() : before.completedAt) : null,
				promptDismissedAt: becameDone ? null : before.promptDismissedAt,
				updatedAt: new Date()
			})
			.where(eq(roadmapActions.id, id));
		const { createdAt: _c, updatedAt: _u, ...was } = before;
		await audit.record(tx, actor, { action: 'progress_action.update', entityType: 'progress_action', entityId: id, before: was, after: values });
	});
}

export async function deleteAction(actor: Actor | null, id: string): Promise<void> {
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		await tx.delete(roadmapActions).where(eq(roadmapActions.id, id));
		await audit.record(tx, actor, { action: 'progress_action.delete', entityType: 'progress_action', entityId: id, before });
	});
}

/** The focal point has seen the prompt to update the answers linked to a completed action. */
export async function dismissActionPrompt(actor: Actor | null, id: string): Promise<void> {
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		await tx.update(roadmapActions).set({ promptDismissedAt: new Date() }).where(eq(roadmapActions.id, id));
		await audit.record(tx, actor, { action: 'progress_action.dismiss_prompt', entityType: 'progress_action', entityId: id });
	});
}
