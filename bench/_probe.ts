import { rmSync } from 'node:fs';
import { measureHelpSearch } from './help-search';
async function main() {
  rmSync('/tmp/gen2', { recursive: true, force: true });
  const r = await measureHelpSearch({ dataDir: '/tmp/gen2', count: 20000, seed: 42, rounds: 10, log: console.log });
  console.table(r.asInserted); console.table(r.afterVacuum); console.log(r.plan.text, r.generation, r.sampleServiceId);
}
main();
