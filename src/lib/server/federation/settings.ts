// The instance's federation identity: name, base URL, the countries it speaks for and its role.
// Environment variables give the defaults (FEDERATION_NAME, FEDERATION_COUNTRIES, FEDERATION_ROLE,
// ORIGIN); an administrator's changes on /admin/federation are kept in app_meta and win.
import type { Db, Tx } from '../db';
import { isCountryCode } from '../../geo';
import { getMeta, setMeta } from '../platform/meta';

export const ROLES = ['publish', 'hub', 'both'] as const;
export type InstanceRole = (typeof ROLES)[number];
export const FEEDS = ['progress', 'services', 'events'] as const;
export type Feed = (typeof FEEDS)[number];
export const isFeed = (x: string): x is Feed => (FEEDS as readonly string[]).includes(x);

export interface Settings {
	name: string;
	baseUrl: string;
	countries: string[];
	role: InstanceRole;
}

const META_KEY = 'federation.settings';

export function parseCountries(text: string): string[] {
	return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))].sort();
}

export function baseUrl(): string {
	return (process.env.ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export function envSettings(env: NodeJS.ProcessEnv = process.env): Settings {
	const role = (env.FEDERATION_ROLE ?? 'both') as InstanceRole;
	return {
		name: (env.FEDERATION_NAME ?? 'COP Platform').slice(0, 200),
		baseUrl: baseUrl(),
		countries: parseCountries(env.FEDERATION_COUNTRIES ?? '').filter(isCountryCode),
		role: ROLES.includes(role) ? role : 'both'
	};
}

export async function readSettings(d?: Db | Tx): Promise<Settings> {
	const stored = await getMeta<Partial<Settings>>(META_KEY, d);
	const base = envSettings();
	return { ...base, ...(stored ?? {}), baseUrl: base.baseUrl };
}

export async function writeSettings(d: Db | Tx, s: Omit<Settings, 'baseUrl'>): Promise<void> {
	await setMeta(META_KEY, { name: s.name, countries: s.countries, role: s.role }, d);
}

export const publishes = (s: Settings) => s.role !== 'hub';
export const isHub = (s: Settings) => s.role !== 'publish';

/** Whether the hub may fetch private and loopback addresses (tests, two instances on one machine). */
export const allowPrivateAddresses = () => process.env.FEDERATION_ALLOW_PRIVATE === '1';
