// `npm run audit:verify`: walks the audit log's hash chain and says whether any entry was edited,
// removed or inserted out of turn. Exit code 0 when the chain holds, 1 when it is broken.
// Works on the same database as the server (DATABASE_URL or ./data; with the embedded database,
// stop the server first: one process owns it at a time).
import { openConfiguredDatabase, useDatabase } from '../src/lib/server/db';
import * as identity from '../src/lib/server/identity';

const d = await openConfiguredDatabase();
useDatabase(d);
try {
	const check = await identity.audit.verifyChain();
	if (check.ok) console.log(`Audit log intact: ${check.checked} entries checked.`);
	else {
		console.error(`Audit log BROKEN at entry ${check.brokenAt!.id} (${check.brokenAt!.reason}) after ${check.checked} good entries.`);
		process.exitCode = 1;
	}
} finally {
	await d.close();
}
