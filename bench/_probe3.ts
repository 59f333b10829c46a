import { migrate, openDatabase, useDatabase } from '../src/lib/server/db';
import * as directory from '../src/lib/server/directory';
async function main() {
  const d = await openDatabase({ dataDir: '/tmp/gen1/pglite' });
  await migrate(d); useDatabase(d);
  const pg = (d as any).pglite;
  const orig = pg.query.bind(pg);
  const seen: any[] = [];
  pg.query = async (q: string, p: unknown[], o: unknown) => { seen.push({ q, p }); return orig(q, p, o); };
  for (const p of [{ country: 'CR' }, { country: 'CR', channel: 'sms' as const }]) {
    seen.length = 0;
    await directory.search(p);
    pg.query = orig;
    for (const s of seen.slice(0, 1)) {
      console.log(s.q, s.p);
      const r = await orig('explain (analyze, buffers) ' + s.q, s.p);
      console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
    }
    pg.query = async (q: string, p: unknown[], o: unknown) => { seen.push({ q, p }); return orig(q, p, o); };
  }
  await d.close();
}
main();
