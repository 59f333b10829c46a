// A member instance in memory for hub tests: it signs manifests with its own key and answers the
// hub's GETs through a replaced transport (net.useNetwork). Tests change what it serves to play faults.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { PILLARS } from '../../progress/model';
import { endorse, fingerprint, rawPublicKey, sha256Hex, signDocument } from './crypto';
import { useNetwork } from './net';
import type { Feed } from './settings';
import * as progress from '../progress';

export interface FakeKey {
	fp: string;
	raw: Buffer;
	priv: KeyObject;
	endorsement?: string;
	endorsedBy?: string;
}

export function fakeKey(): FakeKey {
	const p = generateKeyPairSync('ed25519');
	const raw = rawPublicKey(p.publicKey);
	return { fp: fingerprint(raw), raw, priv: p.privateKey };
}

export function countryResult(country: string, period: number, overall = 55, demo = false) {
	return {
		country,
		period,
		frameworkVersion: 1,
		overall,
		tier: 3 as const,
		pillars: Object.fromEntries(PILLARS.map((p) => [p, overall])),
		indicators: [{ id: 'legal.csam_offences', score: overall, hidden: false }],
		demo
	};
}

/** An event as a member's events.json carries it (the /api/v1/events shape), valid unless `over` says otherwise. */
export function federatedEvent(origin: string, id: string, over: Record<string, unknown> = {}) {
	return {
		id,
		url: `${origin}/events/${id}`,
		status: 'published',
		demo: false,
		title: { en: 'Workshop' },
		description: {},
		kind: 'workshop',
		audiences: ['parents'],
		topics: [] as string[],
		copAreas: [] as string[],
		languages: ['en'],
		start: '2030-01-01T09:00:00+03:00',
		end: '2030-01-01T12:00:00+03:00',
		timeZone: 'Africa/Nairobi',
		mode: 'in_person',
		venue: null,
		city: 'Nairobi',
		country: 'KE',
		region: null,
		seats: 10,
		seatsLeft: 10,
		registrationOpens: null,
		registrationCloses: null,
		childAgeRange: null,
		...over
	};
}

export class FakeMember {
	origin: string;
	keys: FakeKey[] = [fakeKey()];
	snapshots: Record<Feed, { manifest: Record<string, unknown>; files: Record<string, string> } | undefined> = { progress: undefined, services: undefined, events: undefined };
	sequence: Record<Feed, number> = { progress: 0, services: 0, events: 0 };
	/** replaces an answer: path -> Response */
	override = new Map<string, () => Response>();
	requests: string[] = [];

	constructor(origin = 'https://member.example', readonly countries = ['KE']) {
		this.origin = origin;
	}

	get key(): FakeKey {
		return this.keys[this.keys.length - 1];
	}

	rotate(endorsed = true): void {
		const k = fakeKey();
		if (endorsed) {
			k.endorsement = endorse(k.fp, this.key.priv);
			k.endorsedBy = this.key.fp;
		}
		this.keys.push(k);
	}

	publish(feed: Feed, files: Record<string, string>, opts: { sequence?: number; key?: FakeKey; countries?: string[] } = {}): void {
		const sequence = opts.sequence ?? ++this.sequence[feed];
		const key = opts.key ?? this.key;
		const entries = Object.keys(files)
			.sort()
			.map((name) => ({ name, sha256: sha256Hex(files[name]), bytes: Buffer.byteLength(files[name]), mediaType: 'application/json' }));
		const manifest = signDocument(
			{ type: 'CopFederationManifest', version: 1, instance: this.origin, name: 'Member', feed, sequence, created: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), countries: opts.countries ?? this.countries, files: entries },
			key.priv,
			`${this.origin}/.well-known/cop-instance#${key.fp}`
		);
		this.snapshots[feed] = { manifest, files };
	}

	/** `legacyCsv`: observations.csv without the SOURCE_INSTANCE column, as a member of an older version writes it. */
	/** `legal`: the legal tracker's measures (legal.json), which a member of an older version does not send. */
	publishScores(results: ReturnType<typeof countryResult>[], opts: { sequence?: number; key?: FakeKey; legacyCsv?: boolean; legal?: unknown } = {}): void {
		const obs = results.map((r) => ({ refArea: r.country, refAreaType: 'country' as const, indicator: 'OVERALL', measure: 'overall', timePeriod: r.period, value: r.overall, unit: 'SCORE' as const, obsStatus: 'A' as const, validationStatus: 'validated' as const, frameworkVersion: 1, demo: false, source: null }));
		let csv = progress.opendata.toSdmxCsv(obs);
		if (opts.legacyCsv) csv = csv.split('\r\n').map((l) => (l ? l.slice(0, l.lastIndexOf(',')) : l)).join('\r\n');
		const legal: Record<string, string> = opts.legal === undefined ? {} : { 'legal.json': JSON.stringify(opts.legal) };
		this.publish('progress', { 'scores.json': JSON.stringify({ frameworkVersion: 1, results }), 'observations.csv': csv, ...legal }, opts);
	}

	instance() {
		const pub = (k: FakeKey) => ({ fingerprint: k.fp, publicKey: k.raw.toString('base64'), endorsement: k.endorsement ?? null, endorsedBy: k.endorsedBy ?? null });
		const [current, ...previous] = [...this.keys].reverse();
		return { type: 'CopInstance', name: 'Member', url: this.origin, countries: this.countries, keys: { current: pub(current), previous: previous.map(pub) } };
	}

	fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
		this.requests.push(url.pathname);
		if (url.origin !== this.origin) return new Response('no', { status: 404 });
		const o = this.override.get(url.pathname);
		if (o) return o();
		if (url.pathname === '/.well-known/cop-instance') return Response.json(this.instance());
		const m = /^\/api\/v1\/federation\/feeds\/(\w+)\/(?:manifest\.json|(\d+)\/([\w.-]+))$/.exec(url.pathname);
		const snap = m ? this.snapshots[m[1] as Feed] : undefined;
		if (!m || !snap) return new Response('not found', { status: 404 });
		if (!m[2]) {
			const etag = `"${m[1]}-${snap.manifest.sequence}"`;
			const inm = new Headers(init?.headers).get('if-none-match');
			if (inm === etag) return new Response(null, { status: 304, headers: { etag } });
			return Response.json(snap.manifest, { headers: { etag } });
		}
		const body = snap.files[m[3]];
		return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
	};
}

/** Routes the hub's GETs to `member` (its name resolves to a documentation address); `useNetwork()` restores the real network. */
export function useFakeNetwork(member: FakeMember): void {
	useNetwork({ resolver: async () => [{ address: '203.0.113.10', family: 4 }], transport: (url, init) => member.fetch(url, init) });
}
