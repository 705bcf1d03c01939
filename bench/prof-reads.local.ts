import { sql } from 'drizzle-orm';
import { connect, migrateDatabase } from '../src/server/db/connect.js';
import { rowsOf } from '../src/server/db/rows.js';
import { addDays, mondayOf, parisToday } from '../src/server/modules/calendar/paris-time.js';
import { workerFactReads } from '../src/server/modules/planning/assignment-facts.js';
import { findShift, slotOf } from '../src/server/modules/planning/find-shift.js';
import { openShifts, seedAi } from './planning.bench.js';

const database = await connect({ memory: true });
await migrateDatabase(database);
const db = database.db;
const ai = await seedAi(db, { workers: 600, shiftsPerWorker: 134, clients: 60, slug: 'p' });
const monday = addDays(mondayOf(parisToday()), 14);
const open = await openShifts(db, ai.org.id, ai.missionIds, ai.clientIds, monday, 300);
const region = [ai.org.id];
for (let r = 1; r < Number(process.env.AIS ?? 20); r++)
  region.push((await seedAi(db, { workers: 600, shiftsPerWorker: 10, clients: 3, slug: `r${r}` })).org.id);
await db.execute(sql`VACUUM ANALYZE`);
const slot = slotOf(await findShift(db, ai.org.id, open[200]));
for (const [label, orgs] of [
  ['one AI', [ai.org.id]],
  ['region', region],
] as const) {
  const { reads, prelude } = workerFactReads({
    db,
    organisationIds: [...orgs],
    fromMs: slot.startMs,
    toMs: slot.endMs,
    clientIds: [slot.clientId],
    withCap: slot.clientCounts,
    withContinuity: true,
    romes: [slot.rome],
  });
  const out: string[] = [];
  let total = 0;
  for (const [k, q] of Object.entries(reads)) {
    const stmt = sql`WITH ${prelude} SELECT (SELECT coalesce(json_agg(t), '[]')::text FROM (${q}) t) AS x`;
    const ts: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const r = await rowsOf<{ x: string }>(db, stmt);
      ts.push(performance.now() - t0);
      bytes = r[0].x.length;
    }
    ts.sort((a, b) => a - b);
    total += ts[6];
    out.push(`${k.padEnd(12)} ${ts[6].toFixed(2).padStart(7)} ms ${String(bytes).padStart(9)} bytes`);
  }
  console.log(`== ${label}: sum of medians ${total.toFixed(1)} ms`);
  console.log(out.join('\n'));
}
await database.close();
