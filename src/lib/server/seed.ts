// Demo content for a first run. Each module adds its own seed here as it arrives; everything
// seeded is marked as demo data and shown as such on screen.
import { bundledContent, parseJsonText } from './content';
import { db } from './db';
import { insertServiceAsSystem } from './directory/commands';
import { seedParticipationDemo } from './participation/demo';
import { seedProgressDemo } from './progress/demo';
import { seedEventsDemo } from './events/demo';
import { seedNetworkDemo } from './network/demo';
import { seedLibraryDemo } from './library/demo';

/** A JSON file of the bundled content (path under content/). */
function readContent<T>(file: string): T {
	const text = bundledContent()[file];
	if (text === undefined) throw new Error(`content/${file} is missing`);
	return parseJsonText(text) as T;
}

export async function seedDemo(): Promise<void> {
	const { services } = readContent<{ services: unknown[] }>('directory/demo-services.json');
	await db().transaction(async (tx) => {
		for (const s of services) await insertServiceAsSystem(tx, s, { isDemo: true });
	});
	await db().transaction((tx) => seedProgressDemo(tx));
	await db().transaction((tx) => seedEventsDemo(tx));
	await db().transaction((tx) => seedParticipationDemo(tx));
	await db().transaction((tx) => seedNetworkDemo(tx));
	await db().transaction((tx) => seedLibraryDemo(tx));
}
