// Help services a federation hub holds from its members (federation_services), for the HSDS API:
// each is the member's own HSDS record, unchanged but for one `cop:field` `federated_from`
// attribute naming its source. Read-only: nothing on the hub writes these rows but a pull. Raw SQL,
// as progress/queries.ts reads federation_scores: the federation module builds on this one.
import { sql, type SQL } from 'drizzle-orm';
import { containsPattern, db, rowsOf, type Db, type Tx } from '../../db';
import type { HsdsAttribute, HsdsService } from './types';
import { term, uuidV5 } from './terms';

export interface FederatedFilter {
	search?: string;
	id?: string;
}

function where(f: FederatedFilter): SQL {
	const parts: SQL[] = [sql`m.active`];
	if (f.id) parts.push(sql`s.id = ${f.id}`);
	if (f.search) parts.push(sql`lower(s.name) like ${containsPattern(f.search.toLowerCase())}`);
	return sql.join(parts, sql` and `);
}

/** How many federated services match. */
export async function countFederated(f: FederatedFilter, d: Db | Tx = db()): Promise<number> {
	const [r] = rowsOf(await d.execute(sql`select count(*)::int as n from federation_services s join federation_members m on m.id = s.member_id where ${where(f)}`));
	return Number(r?.n ?? 0);
}

/** One federated service by its id (the member's), marked with its source. */
export async function findFederated(id: string, d: Db | Tx = db()): Promise<HsdsService | undefined> {
	const [hit] = await listFederated({ id }, 0, 1, d);
	return hit;
}

/** Federated services in a stable order (source, then name), as HSDS services marked with their source. */
export async function listFederated(f: FederatedFilter, offset: number, limit: number, d: Db | Tx = db()): Promise<HsdsService[]> {
	if (limit <= 0) return [];
	const rows = rowsOf(
		await d.execute(sql`select s.id, s.record, s.snapshot_at, m.name as source_name, m.origin as source_url
			from federation_services s join federation_members m on m.id = s.member_id
			where ${where(f)} order by m.origin, s.name, s.id offset ${offset} limit ${limit}`)
	);
	return rows.map((r) => {
		const record = (typeof r.record === 'string' ? JSON.parse(r.record) : r.record) as HsdsService;
		const id = String(record.id ?? r.id);
		const t = term('cop:field', 'federated_from');
		const from: HsdsAttribute = {
			id: uuidV5(`attribute:service:${id}:federated_from:${String(r.source_url)}`),
			link_id: id,
			link_entity: 'service',
			link_type: 'cop:field',
			taxonomy_term_id: t.id,
			taxonomy_term: t,
			value: JSON.stringify({ name: String(r.source_name ?? ''), url: String(r.source_url), snapshot_at: new Date(r.snapshot_at as string).toISOString() })
		};
		// a member's record never speaks for its own source: any federated_from it sent is replaced
		const attributes = (Array.isArray(record.attributes) ? record.attributes : []).filter((a) => a?.taxonomy_term?.code !== 'federated_from');
		return { ...record, attributes: [...attributes, from] };
	});
}
