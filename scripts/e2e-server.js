// The server the browser journeys run against: the production build on a fresh database
// (a new PGlite folder, or a new database on the DATABASE_URL server), with a known admin.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export const E2E = { port: Number(process.env.E2E_PORT ?? 4173), adminEmail: 'admin@e2e.test', adminPassword: 'e2e admin password 2026' };

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

if (process.env.DATABASE_URL) {
	// a fixed name: each run drops what the previous one left and starts empty
	const url = new URL(process.env.DATABASE_URL);
	const name = `cop_e2e_${E2E.port}`;
	const client = new pg.Client({ connectionString: url.toString() });
	await client.connect();
	await client.query(`drop database if exists ${name} with (force)`);
	await client.query(`create database ${name}`);
	await client.end();
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
} else {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'cop-e2e-'));
	process.env.DATA_DIR = dir;
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

process.env.HOST = '127.0.0.1';
process.env.PORT = String(E2E.port);
process.env.ORIGIN = `http://127.0.0.1:${E2E.port}`;
// a second instance (the federation journey's national one) has an admin of its own
process.env.ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL || E2E.adminEmail;
process.env.ADMIN_PASSWORD = E2E.adminPassword;
// journeys sign up many people from one address; the limits themselves are tested in Vitest
process.env.RATE_LIMITS = 'off';
// the federation journey runs a hub and a member on 127.0.0.1: let the hub reach loopback addresses
process.env.FEDERATION_ALLOW_PRIVATE ??= '1';
// scripts/serve.js: build/index.js plus the static-file headers
await import(pathToFileURL(path.join(root, 'scripts', 'serve.js')).href);
