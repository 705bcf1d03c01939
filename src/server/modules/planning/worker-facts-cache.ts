import type { Database, Db } from '../../db/connect.js';
import { KeptValues, keptInStep } from '../../db/kept-values.js';
import { packedReads, steadyFactReads } from './assignment-facts.js';

/** The rows of one organisation's steady facts, grouped by worker (as the per-slot statement returns them). */
export type SteadyRows = {
  workers: any[];
  jobs: Map<string, any[]>;
  passes: Map<string, any[]>;
  contracts: Map<string, any[]>;
};

/**
 * Safety net only, as for the answer cache (decision 011): every change to these facts empties its organisation's
 * entry at once in every process (migration 0047's notifications). On PostgreSQL an entry also expires after 30 s,
 * in case a notification is lost while the listening connection reconnects; PGlite delivers its notifications with
 * the statement that caused them.
 */
const TTL_MS = { postgresql: 30_000, pglite: 300_000 } as const;

const groupBy = (rows: any[]) => {
  const out = new Map<string, any[]>();
  for (const r of rows) {
    const list = out.get(r.worker_id);
    if (list) list.push(r);
    else out.set(r.worker_id, [r]);
  }
  return out;
};

/**
 * One process's copy of the workers' steady facts — their record, jobs, PASS (with suspensions and a pending
 * prolongation), employment contracts and information visit — per organisation, for the candidate ranking
 * (decision 019). A ranking reads them for every worker holding the slot's job (thousands in a regional pool)
 * while they change a few times a day; the facts that move with the planning (shifts, hours, absences, windows)
 * are still read at each ranking. Only the ranking uses it: an assignment checks every rule on rows it reads and
 * locks in its own transaction, so a ranking a moment behind a change can at worst propose someone the assignment
 * then refuses with the rule's words.
 */
export class WorkerFactsCache extends KeptValues<SteadyRows> {
  constructor(ttlMs: number = TTL_MS.postgresql) {
    // In an entry's last 5 s, the next ranking that uses it reads it again in the background and is answered from
    // it meanwhile: no ranking waits for an expiry (db/kept-values.ts).
    super({ ttlMs, refreshAheadMs: 5_000 });
  }

  /** The steady facts of each organisation, read once until one of them changes (concurrent misses share a read). */
  rowsOf(db: Db, organisationIds: string[]): Promise<SteadyRows[]> {
    return Promise.all(organisationIds.map((id) => this.get(id, '', () => readSteadyRows(db, id))));
  }
}

async function readSteadyRows(db: Db, organisationId: string): Promise<SteadyRows> {
  const r = await packedReads(db, steadyFactReads([organisationId]));
  return { workers: r.workers, jobs: groupBy(r.jobs), passes: groupBy(r.passes), contracts: groupBy(r.contracts) };
}

/**
 * A cache kept in step with `database` (channel "worker_facts_changed"); `stop` ends the listening. For the app
 * (planning's routes) and for the benchmarks.
 */
export async function workerFactsCacheFor(database: Database) {
  const inStep = keptInStep(database, 'worker_facts_changed', new WorkerFactsCache(TTL_MS[database.engine]));
  await inStep.ready();
  return { cache: inStep.kept, stop: inStep.stop };
}
