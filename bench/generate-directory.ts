// Synthetic help-finder data for the bench: N services (100,000 by default) spread over every
// country code, made with a seeded PRNG so that the same seed and count always give the same rows
// (ids included). Every name says "Synthetic", every phone number uses the reserved +999 prefix
// and every address is on synthetic.example, so nothing here can be mistaken for a real service.
//
// Used by bench/run.ts (generateDirectory on the open database), and standalone:
//   npx tsx bench/generate-directory.ts --count 100000 --data-dir DIR [--seed 42] [--country CR]
// (or --database-url URL for a PostgreSQL database)
// which creates the embedded database in DIR/pglite (the app's DATA_DIR layout; migrated, then
// analysed), so `DATA_DIR=DIR SEED_DEMO=off node build/index.js` then serves it. Ids come from the
// seed too: adding to a folder that already holds a run with the same seed fails on duplicate ids
// (use another --seed).
//
// Rows are inserted directly, 1,000 services per multi-row INSERT and transaction, mirroring what
// writeService (src/lib/server/directory/commands.ts) stores for a validated ServiceInput: the same
// de-duplicated arrays, searchText (the lower-cased names of service and organisation) and the
// week_* columns "open now" reads (serviceWeek); the search's listings are written once per batch
// (the triggers that write them on every other write wait for it). Each service is first built in the ServiceInput
// shape, and every `validateEvery`-th one is parsed with the real valibot schema, so the generator
// cannot drift into making invalid services.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableColumns, getTableName, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import { db, migrate, openDatabase, useDatabase, type Tx } from '../src/lib/server/db';
import { ServiceInput } from '../src/lib/server/directory/input';
import { channels, organizations, services } from '../src/lib/server/directory/schema';
import { serviceWeek } from '../src/lib/server/directory/weekly-hours';
import { ACTIONS, CHANNEL_TYPES, SERVICE_KINDS, TOPIC_IDS, type ActionId, type ChannelType, type ServiceKind } from '../src/lib/directory/taxonomy';
import type { Hours, Weekday } from '../src/lib/directory/hours-types';
import { allCountryCodes, regionOf, type RegionId } from '../src/lib/geo';
import { prng, type Rng } from '../src/lib/prng';

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** A few IANA zones per ITU region; a country always gets the same one (by its code). */
const ZONES: Record<RegionId, readonly string[]> = {
	africa: ['Africa/Nairobi', 'Africa/Lagos', 'Africa/Johannesburg', 'Africa/Abidjan', 'Africa/Kinshasa', 'Africa/Addis_Ababa'],
	americas: ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Mexico_City', 'America/Bogota', 'America/Sao_Paulo', 'America/Santiago', 'America/Argentina/Buenos_Aires'],
	arab_states: ['Asia/Riyadh', 'Africa/Cairo', 'Asia/Dubai', 'Africa/Casablanca', 'Asia/Beirut', 'Africa/Tunis'],
	asia_pacific: ['Asia/Kolkata', 'Asia/Tokyo', 'Asia/Jakarta', 'Asia/Manila', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kathmandu', 'Asia/Dhaka'],
	cis: ['Europe/Moscow', 'Asia/Almaty', 'Asia/Tashkent', 'Asia/Yerevan', 'Asia/Bishkek'],
	europe: ['Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Warsaw', 'Europe/Istanbul', 'Europe/Lisbon', 'Europe/Athens']
};

const LANGUAGES: Record<RegionId, readonly string[]> = {
	africa: ['en', 'fr', 'sw', 'pt', 'ar', 'am', 'ha', 'zu'],
	americas: ['en', 'es', 'pt', 'fr', 'qu', 'ht'],
	arab_states: ['ar', 'en', 'fr'],
	asia_pacific: ['en', 'zh', 'hi', 'id', 'ja', 'bn', 'tl', 'ne'],
	cis: ['ru', 'en', 'kk', 'uz', 'hy', 'ky'],
	europe: ['en', 'fr', 'de', 'es', 'it', 'pl', 'tr', 'pt', 'el']
};

const KIND_WEIGHTS: readonly (readonly [ServiceKind, number])[] = [
	['helpline', 30],
	['counselling', 22],
	['chat_line', 15],
	['peer_support', 10],
	['reporting_hotline', 10],
	['takedown_tool', 5],
	['emergency', 8]
];

const KIND_NAME: Record<ServiceKind, { en: string; fr: string }> = {
	helpline: { en: 'helpline', fr: "Ligne d'écoute" },
	chat_line: { en: 'chat line', fr: 'Tchat' },
	peer_support: { en: 'peer support', fr: 'Soutien entre pairs' },
	reporting_hotline: { en: 'reporting hotline', fr: 'Plateforme de signalement' },
	takedown_tool: { en: 'take-down tool', fr: 'Outil de retrait' },
	emergency: { en: 'emergency line', fr: "Ligne d'urgence" },
	counselling: { en: 'counselling service', fr: "Service d'accompagnement" }
};

/** Channel types that suit each kind (first ones more likely). */
const KIND_CHANNELS: Record<ServiceKind, readonly (readonly [ChannelType, number])[]> = {
	helpline: [['phone', 6], ['sms', 2], ['webchat', 2], ['messaging', 1], ['email', 1]],
	counselling: [['phone', 4], ['webchat', 3], ['email', 2], ['app', 1]],
	chat_line: [['webchat', 5], ['messaging', 3], ['sms', 2], ['app', 1]],
	peer_support: [['webchat', 4], ['app', 2], ['messaging', 2], ['phone', 1]],
	reporting_hotline: [['webform', 6], ['email', 2], ['phone', 1]],
	takedown_tool: [['webform', 6], ['app', 1], ['email', 1]],
	emergency: [['phone', 8], ['sms', 1]]
};

const AGE_RANGES: readonly (readonly [[number | null, number | null], number])[] = [
	[[null, null], 25],
	[[0, 17], 20],
	[[0, 18], 10],
	[[5, 18], 10],
	[[10, 25], 10],
	[[12, 19], 8],
	[[13, 17], 7],
	[[6, 12], 4],
	[[16, 24], 6]
];

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const rules = (days: Weekday[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));

/** Realistic opening hours: 24/7, office hours, evenings, nights across midnight, mixed weeks. */
function hoursFor(r: Rng, timezone: string, kind: ServiceKind): Hours {
	const always = kind === 'emergency' || kind === 'reporting_hotline' || kind === 'takedown_tool' ? r.chance(0.9) : r.chance(0.25);
	if (always) return { timezone, always: true, weekly: [], exceptions: [] };
	const pattern = r.weighted([
		['office', 35],
		['long_days', 15],
		['evenings', 20],
		['nights', 12],
		['weekend_nights', 8],
		['split', 10]
	] as const);
	let weekly;
	switch (pattern) {
		case 'office':
			weekly = rules(WEEKDAYS, r.pick(['08:00', '09:00', '09:30']), r.pick(['17:00', '17:30', '18:00']));
			break;
		case 'long_days':
			weekly = [...rules(WEEKDAYS, '08:00', '20:00'), ...rules([6], '10:00', '14:00')];
			break;
		case 'evenings':
			weekly = rules(EVERY_DAY, r.pick(['15:00', '16:00', '18:00']), r.pick(['21:00', '22:00', '23:00', '24:00']));
			break;
		case 'nights':
			weekly = rules(EVERY_DAY, r.pick(['20:00', '22:00']), r.pick(['02:00', '06:00', '08:00'])); // runs past midnight
			break;
		case 'weekend_nights':
			weekly = [...rules([5, 6], '20:00', '04:00'), ...rules([0], '18:00', '24:00')];
			break;
		default:
			weekly = [...rules(WEEKDAYS, '09:00', '12:30'), ...rules(WEEKDAYS, '14:00', '19:00')];
	}
	const exceptions = r.chance(0.12)
		? [
				{ date: '2026-12-25', closed: true, note: 'Synthetic holiday' },
				...(r.chance(0.5) ? [{ date: '2026-12-31', opens: '10:00', closes: '16:00' }] : [])
			]
		: [];
	return { timezone, always: false, weekly, exceptions };
}

// ---------------------------------------------------------------------------------------------
// Building services

export interface GeneratedService {
	id: string;
	organizationId: string;
	/** exactly what a moderator could have entered (parses with ServiceInput) */
	input: {
		organization: { name: Record<string, string>; website: string | null };
		name: Record<string, string>;
		description: Record<string, string>;
		whatHappens: Record<string, string>;
		kind: ServiceKind;
		status: 'active' | 'temporarily_closed' | 'defunct';
		ageMin: number | null;
		ageMax: number | null;
		languages: string[];
		countries: string[];
		areas: string[];
		cost: 'free' | 'paid' | 'unknown';
		topics: string[];
		actions: ActionId[];
		website: string | null;
		source: string | null;
		channels: {
			type: ChannelType;
			value: string;
			detail: string | null;
			label: Record<string, string>;
			hours: Hours;
			showsOnBill: boolean | null;
			free: boolean | null;
		}[];
	};
	verified: boolean;
}

/**
 * Countries in a seeded order, weighted 1 + 10/√(rank+1): the first few get several times the
 * average; the last 50 are weighted 0.1, so that some countries have only a few dozen services.
 */
function countryWeights(seed: number) {
	const r = prng(seed ^ 0x5eed);
	const codes = allCountryCodes().sort();
	for (let i = codes.length - 1; i > 0; i--) {
		const j = Math.floor(r.next() * (i + 1));
		[codes[i], codes[j]] = [codes[j], codes[i]];
	}
	const weights = codes.map((_, rank) => (rank >= codes.length - 50 ? 0.1 : 1 + 10 / Math.sqrt(rank + 1)));
	const cumulative: number[] = [];
	let sum = 0;
	for (const w of weights) cumulative.push((sum += w));
	const byRegion = new Map<RegionId | 'none', string[]>();
	for (const c of codes) {
		const reg = regionOf(c) ?? 'none';
		byRegion.set(reg, [...(byRegion.get(reg) ?? []), c]);
	}
	const pickCountry = (x: number) => {
		const target = x * sum;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] <= target) lo = mid + 1;
			else hi = mid;
		}
		return codes[lo];
	};
	return { codes, pickCountry, byRegion };
}

function zoneOf(country: string): string {
	const region = regionOf(country);
	if (!region) return 'UTC';
	const zones = ZONES[region];
	return zones[(country.charCodeAt(0) * 31 + country.charCodeAt(1)) % zones.length];
}

const pad = (n: number) => String(n).padStart(5, '0');

/**
 * A deterministic stream of synthetic services. Organisations are shared by 1–4 consecutive
 * services of the same country, like a real NGO running a helpline and a chat line.
 */
export function* syntheticServices(count: number, seed = 42, only?: string): Generator<GeneratedService> {
	const r = prng(seed);
	const { pickCountry, byRegion } = countryWeights(seed);
	let org: { id: string; n: number; left: number; country: string; fr: boolean } | undefined;
	let orgNo = 0;
	for (let i = 1; i <= count; i++) {
		if (!org || org.left === 0) {
			orgNo++;
			const picked = r.chance(0.0005) ? 'ZZ' : pickCountry(r.next());
			const country = only ?? picked;
			org = { id: r.uuid(), n: orgNo, left: r.int(1, 4), country, fr: r.chance(0.3) };
		}
		org.left--;
		const id = r.uuid();
		const kind = r.weighted(KIND_WEIGHTS);
		const main = org.country;
		const region = main === 'ZZ' ? undefined : regionOf(main);
		// 4 % also cover one or two neighbours in the same region
		let countries = [main];
		if (main !== 'ZZ' && region && r.chance(0.04) && !only) {
			const others = (byRegion.get(region) ?? []).filter((c) => c !== main);
			countries = [main, ...r.sample(others, r.int(1, 2))];
		}
		const langs = region ? LANGUAGES[region] : ['en', 'fr', 'es', 'ar', 'zh', 'ru'];
		const languages = r.sample(langs, r.int(1, 3));
		const [ageMin, ageMax] = r.weighted(AGE_RANGES);
		const topics =
			kind === 'reporting_hotline'
				? r.sample(['sexual_abuse_exploitation', 'grooming', 'sextortion', 'harmful_content', 'hate_discrimination'], r.int(1, 3))
				: kind === 'takedown_tool'
					? r.sample(['images_shared_without_consent', 'sextortion', 'sexual_abuse_exploitation'], r.int(1, 3))
					: r.sample(TOPIC_IDS, r.int(1, 6));
		const actions: ActionId[] =
			kind === 'reporting_hotline'
				? ['report_illegal_content']
				: kind === 'takedown_tool'
					? ['remove_image']
					: kind === 'emergency'
						? ['emergency', 'talk']
						: r.chance(0.15)
							? ['talk', r.pick(ACTIONS.filter((a) => a !== 'talk'))]
							: ['talk'];
		const fr = org.fr || r.chance(0.05);
		const name: Record<string, string> = { en: `Synthetic ${KIND_NAME[kind].en} ${pad(i)}` };
		if (fr) name.fr = `${KIND_NAME[kind].fr} synthétique ${pad(i)}`;
		const orgName: Record<string, string> = { en: `Synthetic organisation ${pad(org.n)}` };
		if (org.fr) orgName.fr = `Organisation synthétique ${pad(org.n)}`;
		const description: Record<string, string> = {
			en: `Synthetic benchmark entry ${pad(i)}, not a real service. It stands for a ${KIND_NAME[kind].en} for children and young people.`
		};
		if (fr) description.fr = `Entrée synthétique ${pad(i)} pour les mesures de performance, pas un vrai service.`;
		const whatHappens: Record<string, string> = {
			en: 'A trained person listens, helps you think about what to do next, and tells you about other help nearby. (Synthetic text.)'
		};
		const zone = main === 'ZZ' ? 'UTC' : zoneOf(main);
		const nChannels = r.weighted([
			[1, 45],
			[2, 35],
			[3, 20]
		] as const);
		const chans: GeneratedService['input']['channels'] = [];
		const types = new Set<ChannelType>();
		for (let k = 0; k < nChannels; k++) {
			let type = r.weighted(KIND_CHANNELS[kind]);
			if (types.has(type)) type = r.pick(CHANNEL_TYPES.filter((t) => !types.has(t)));
			types.add(type);
			const n = `${pad(i)}`;
			const value =
				type === 'phone'
					? `+999 ${n.slice(0, 2)} ${n.slice(2)} ${k}`
					: type === 'sms'
						? `+999 55 ${n}`
						: type === 'email'
							? `help${n}@synthetic.example`
							: `https://synthetic.example/${type}/${n}`;
			chans.push({
				type,
				value,
				detail: type === 'sms' ? 'HELP' : type === 'messaging' ? r.pick(['WhatsApp', 'Telegram', 'Signal']) : null,
				label: r.chance(0.2) ? { en: r.pick(['Under 18s', 'Parents and carers', 'Main line', 'Night line']) } : {},
				hours: hoursFor(r, zone, kind),
				showsOnBill: type === 'phone' || type === 'sms' ? r.weighted([[false, 5], [true, 2], [null, 3]] as const) : null,
				free: type === 'phone' || type === 'sms' ? r.weighted([[true, 8], [null, 2]] as const) : null
			});
		}
		yield {
			id,
			organizationId: org.id,
			verified: r.chance(0.3),
			input: {
				organization: { name: orgName, website: `https://synthetic.example/org/${pad(org.n)}` },
				name,
				description,
				whatHappens,
				kind,
				status: r.weighted([['active', 95], ['temporarily_closed', 3], ['defunct', 2]] as const),
				ageMin,
				ageMax,
				languages,
				countries,
				areas: [],
				cost: r.weighted([['free', 80], ['unknown', 15], ['paid', 5]] as const),
				topics,
				actions,
				website: `https://synthetic.example/s/${pad(i)}`,
				source: 'Synthetic benchmark data (bench/generate-directory.ts)',
				channels: chans
			}
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Inserting

export interface GenerateOptions {
	count: number;
	seed?: number;
	/** services per INSERT and transaction */
	batchSize?: number;
	/** parse every n-th service with ServiceInput (0: none) */
	validateEvery?: number;
	/** every service in this one country (a journey's busy country); otherwise spread over all */
	country?: string;
	onProgress?: (done: number, ms: number) => void;
}

export interface GenerateResult {
	services: number;
	organizations: number;
	channels: number;
	validated: number;
	ms: number;
	servicesPerSecond: number;
	/** services per country code (a multi-country service counts in each) */
	perCountry: Record<string, number>;
	/** one service id, for a service page */
	sampleId: string;
}

/**
 * One multi-row INSERT of `rows` (drizzle insert objects) sent as a single jsonb parameter and
 * expanded by jsonb_populate_recordset: same rows as `tx.insert(table).values(rows)`, but without
 * binding ~25 parameters per row, which is most of the cost on PGlite. Every column is listed, so
 * keys absent from the rows take the column's default.
 */
async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]) {
	const all = Object.entries(getTableColumns(table));
	const json = rows.map((row) => {
		const o: Record<string, unknown> = {};
		for (const [key, col] of all) {
			let value = (row as Record<string, unknown>)[key];
			if (value === undefined && col.hasDefault && !(col.default instanceof SQL)) value = col.default;
			if (value !== undefined) o[col.name] = value instanceof Date ? value.toISOString() : value;
		}
		return o;
	});
	// columns given in the first row; the others (e.g. an id from gen_random_uuid()) take their SQL default
	const given = Object.keys(json[0] ?? {});
	if (json.some((o) => Object.keys(o).length !== given.length)) throw new Error(`insertRows: rows for ${getTableName(table)} differ in shape`);
	const names = sql.raw(given.map((n) => `"${n}"`).join(', '));
	await tx.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(json)}::jsonb)`);
}

/** Inserts `count` synthetic services into the open database (useDatabase must have been called). */
export async function generateDirectory(opts: GenerateOptions): Promise<GenerateResult> {
	const batchSize = opts.batchSize ?? 1000;
	const validateEvery = opts.validateEvery ?? 1000;
	const t0 = performance.now();
	const perCountry: Record<string, number> = {};
	const seenOrgs = new Set<string>();
	let nChannels = 0;
	let validated = 0;
	let done = 0;
	let sampleId = '';
	let batch: GeneratedService[] = [];

	const flush = async () => {
		if (!batch.length) return;
		const now = new Date();
		const orgRows: (typeof organizations.$inferInsert)[] = [];
		const serviceRows: (typeof services.$inferInsert)[] = [];
		const channelRows: (typeof channels.$inferInsert)[] = [];
		for (const g of batch) {
			const s = g.input;
			if (!seenOrgs.has(g.organizationId)) {
				seenOrgs.add(g.organizationId);
				orgRows.push({ id: g.organizationId, name: s.organization.name, website: s.organization.website, createdAt: now, updatedAt: now });
			}
			// as writeService stores a validated ServiceInput
			serviceRows.push({
				id: g.id,
				organizationId: g.organizationId,
				name: s.name,
				description: s.description,
				whatHappens: s.whatHappens,
				kind: s.kind,
				status: s.status,
				ageMin: s.ageMin,
				ageMax: s.ageMax,
				languages: s.languages,
				countries: [...new Set(s.countries)],
				areas: s.areas,
				cost: s.cost,
				topics: [...new Set(s.topics)],
				actions: [...new Set(s.actions)],
				website: s.website,
				source: s.source,
				searchText: [...Object.values(s.name), ...Object.values(s.organization.name)].join(' ').toLowerCase(),
				...serviceWeek(s.channels.map((c) => c.hours)),
				isDemo: !g.verified,
				verifiedAt: g.verified ? now : null,
				verifiedBy: g.verified ? 'Synthetic data generator' : null,
				verificationMethod: g.verified ? 'official_source' : null,
				verificationNote: g.verified ? 'Synthetic benchmark entry, not a real service.' : null,
				createdAt: now,
				updatedAt: now
			});
			s.channels.forEach((c, position) => channelRows.push({ ...c, serviceId: g.id, position, detail: c.detail ?? null }));
		}
		nChannels += channelRows.length;
		await db().transaction(async (tx) => {
			// the search's listings once per batch, after its channels, rather than by the triggers after each insert (migration 0030)
			await tx.execute(sql`select set_config('cop.directory_listings', 'deferred', true)`);
			if (orgRows.length) await insertRows(tx, organizations, orgRows);
			await insertRows(tx, services, serviceRows);
			await insertRows(tx, channels, channelRows);
			await tx.execute(sql`select directory_listings_refresh(${`{${serviceRows.map((r) => r.id).join(',')}}`}::uuid[])`);
		});
		done += batch.length;
		batch = [];
		opts.onProgress?.(done, performance.now() - t0);
	};

	for (const g of syntheticServices(opts.count, opts.seed ?? 42, opts.country)) {
		if (validateEvery > 0 && (done + batch.length) % validateEvery === 0) {
			const result = v.safeParse(ServiceInput, g.input);
			if (!result.success) {
				const issues = result.issues.map((x) => `${x.path?.map((p) => String(p.key)).join('.') ?? '_'}: ${x.message}`).join('; ');
				throw new Error(`synthetic service ${g.id} does not parse with ServiceInput: ${issues}`);
			}
			validated++;
		}
		if (!sampleId && g.input.status === 'active' && g.input.countries.includes('KE')) sampleId = g.id;
		for (const c of new Set(g.input.countries)) perCountry[c] = (perCountry[c] ?? 0) + 1;
		batch.push(g);
		if (batch.length >= batchSize) await flush();
	}
	await flush();
	const ms = performance.now() - t0;
	return {
		services: done,
		organizations: seenOrgs.size,
		channels: nChannels,
		validated,
		ms,
		servicesPerSecond: Math.round(done / (ms / 1000)),
		perCountry,
		sampleId
	};
}

// ---------------------------------------------------------------------------------------------
// Standalone

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? undefined : process.argv[i + 1];
}

async function cli() {
	const count = Number(arg('count') ?? 100_000);
	const dataDir = arg('data-dir');
	const databaseUrl = arg('database-url');
	const seed = Number(arg('seed') ?? 42);
	const country = arg('country');
	if ((!dataDir && !databaseUrl) || !Number.isInteger(count) || count < 1 || count > 2_000_000 || !Number.isInteger(seed) || (country !== undefined && !/^[A-Z]{2}$/.test(country))) {
		console.error(
			'usage: npx tsx bench/generate-directory.ts --count 100000 (--data-dir DIR | --database-url URL) [--seed 42] [--country CR]\n' +
				'  (DIR is a DATA_DIR: the embedded database goes in DIR/pglite; URL a PostgreSQL database; --country puts every service in that country)'
		);
		process.exit(2);
	}
	const d = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: path.join(dataDir!, 'pglite') });
	try {
		await migrate(d);
		useDatabase(d);
		let last = 0;
		const r = await generateDirectory({
			count,
			seed,
			country,
			onProgress: (done, ms) => {
				if (ms - last > 5_000 || done === count) {
					last = ms;
					process.stdout.write(`  ${done} services (${Math.round(ms / 1000)} s)\n`);
				}
			}
		});
		await d.db.execute(sql`analyze`);
		const busiest = Object.entries(r.perCountry).sort((a, b) => b[1] - a[1]);
		process.stdout.write(
			`Inserted ${r.services} synthetic services (${r.organizations} organisations, ${r.channels} channels) in ${(r.ms / 1000).toFixed(1)} s ` +
				`(${r.servicesPerSecond}/s); ${r.validated} checked with ServiceInput. ${busiest.length} country codes; ` +
				`busiest ${busiest.slice(0, 3).map(([c, n]) => `${c} ${n}`).join(', ')}; quietest ${busiest.at(-1)?.join(' ')}.\n`
		);
	} finally {
		useDatabase(undefined);
		await d.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	cli().catch((e) => {
		console.error(e instanceof Error ? e.stack : e);
		process.exit(1);
	});
}
