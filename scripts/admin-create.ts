// `npm run admin:create -- --email someone@example.org [--name "Their Name"]`
// Creates an admin account (or gives an existing account the admin role) and prints a generated
// password once. Works on the same database as the server (DATABASE_URL or ./data).
import { openConfiguredDatabase, useDatabase } from '../src/lib/server/db';
import * as identity from '../src/lib/server/identity';
import { DomainError } from '../src/lib/server/platform/errors';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
}

const email = arg('email');
if (!email) {
	console.error('Usage: npm run admin:create -- --email someone@example.org [--name "Their Name"]');
	process.exit(2);
}

const d = await openConfiguredDatabase();
useDatabase(d);
try {
	const { user, password } = await identity.createAdmin({ email, name: arg('name') });
	console.log(`Admin ready: ${user.email}\nPassword (shown once): ${password}`);
} catch (e) {
	if (e instanceof DomainError) {
		console.error(`Could not create the admin: ${Object.values(e.fields).join(', ') || e.code}`);
		process.exitCode = 1;
	} else throw e;
} finally {
	await d.close();
}
