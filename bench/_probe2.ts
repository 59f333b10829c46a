import { sql } from 'drizzle-orm';
import { db, migrate, openDatabase, useDatabase } from '../src/lib/server/db';
import * as directory from '../src/lib/server/directory';
import { openStatus } from '../src/lib/directory/hours';
async function main() {
  const d = await openDatabase({ dataDir: '/tmp/gen1/pglite' });
  await migrate(d); useDatabase(d);
  const pg = (d as any).pglite;
  const orig = pg.query.bind(pg);
  let acc: Record<string, number> = {};
  let last: any;
  pg.query = async (q: string, p: unknown[], o: unknown) => { const t = performance.now(); try { const r = await orig(q, p, o); last = {q, p}; return r; } finally { const k = q.slice(0, 60); acc[k] = (acc[k] ?? 0) + performance.now() - t; } };
  for (const p of [{ country: 'CR' }, { country: 'CR', channel: 'sms' as const }, {country:'KE'}]) {
    await directory.search(p);
    acc = {};
    const t = performance.now();
    const res = await directory.search(p);
    console.log(JSON.stringify(p), 'total', (performance.now() - t).toFixed(1), acc);
    const chans = res.flatMap(r => r.channels);
    const t2 = performance.now();
    for (const c of chans) openStatus(c.hours, new Date());
    console.log('  openStatus x', chans.length, (performance.now() - t2).toFixed(1));
  }
  await d.close();
}
main();
