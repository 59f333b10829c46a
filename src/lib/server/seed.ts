// Demo content for a first run. Each module adds its own seed here as it arrives; everything
// seeded is marked as demo data and shown as such on screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from './db';
import { insertServiceAsSystem } from './directory/commands';
import { seedProgressDemo } from './progress/demo';

const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content');

function readContent<T>(file: string): T {
	return JSON.parse(readFileSync(path.join(CONTENT_DIR, file), 'utf8')) as T;
}

export async function seedDemo(): Promise<void> {
	const { services } = readContent<{ services: unknown[] }>('directory/demo-services.json');
	await db().transaction(async (tx) => {
		for (const s of services) await insertServiceAsSystem(tx, s, { isDemo: true });
	});
	await db().transaction((tx) => seedProgressDemo(tx));
}
