import pg from 'pg';
import type { Database } from './connect.js';

export type KeptValuesOptions<V> = {
  /**
   * Safety net only: every change empties the entries it concerns at once, in every process (`keepInStep`). The
   * lifetime covers what no notification says (a session reaching its expiry date, a day ending) and a notification
   * lost while PostgreSQL's listening connection reconnects.
   */
  ttlMs: number;
  /**
   * Entries filled together (a warm-up, the first minute after a start) would all expire together, and every
   * request then waited for its value to be computed again at once. With a spread of 0.25 an entry lives between
   * 75 % and 100 % of `ttlMs`.
   */
  ttlSpread?: number;
  /**
   * In an entry's last `refreshAheadMs`, the next request that reads it starts its recomputation in the background
   * while it and the others are still answered from the entry (the TTL bound holds: an entry is never served past
   * its own expiry).
   */
  refreshAheadMs: number;
  /** At most this many background recomputations at once (one: they never crowd out the requests). */
  maxRefreshes?: number;
  /** The oldest entry is forgotten beyond this many. */
  maxEntries?: number;
  /** Whether a value is worth keeping (an unknown session is not: nothing to gain, no memory for token guessers). */
  keeps?: (value: V) => boolean;
};

/**
 * One process's copy of values read from the database (answers, sessions, the workers' steady facts), each kept
 * under a scope (an organisation's id, "directory"…) until a change to that scope is notified:
 * `invalidate(scope)` empties a scope, `invalidate()` everything. A computation that started before a change never
 * keeps its value (its scope's generation moved on meanwhile), and no later request joins it. Concurrent misses of
 * one key share one computation. While change notifications are not received (`listening` false), nothing is kept.
 * Callers check the caller's rights before asking: a kept value only spares the reading.
 */
export class KeptValues<V> {
  private entries = new Map<string, { value: V; scope: string; until: number }>();
  private pending = new Map<string, { scope: string; promise: Promise<V> }>();
  private generations = new Map<string, number>();
  private generation = 0;
  private refreshes = 0;
  /** False while change notifications are not received (PostgreSQL connection lost): nothing is kept then. */
  listening = true;

  constructor(private readonly o: KeptValuesOptions<V>) {}

  invalidate(scope?: string) {
    if (scope === undefined || scope === '*') {
      this.generation++;
      this.entries.clear();
      this.pending.clear();
      return;
    }
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.scope === scope) this.entries.delete(key);
    for (const [key, p] of this.pending) if (p.scope === scope) this.pending.delete(key);
  }

  /** The value of `key` in `scope`, computed by `compute` when it is not kept (or no longer). */
  async get(scope: string, key: string, compute: () => Promise<V>): Promise<V> {
    const full = `${scope}\u0000${key}`;
    const hit = this.entries.get(full);
    const now = Date.now();
    if (hit && hit.until > now) {
      if (
        hit.until - now < this.o.refreshAheadMs &&
        this.refreshes < (this.o.maxRefreshes ?? Number.POSITIVE_INFINITY) &&
        !this.pending.has(full)
      ) {
        this.refreshes++;
        this.compute(scope, full, compute)
          .catch(() => {}) // the next request past the expiry computes it again and meets the error itself
          .finally(() => {
            this.refreshes--;
          });
      }
      return hit.value;
    }
    return this.pending.get(full)?.promise ?? this.compute(scope, full, compute);
  }

  /** Computes, keeps (unless a change happened meanwhile) and returns the value; concurrent callers share it. */
  private compute(scope: string, full: string, compute: () => Promise<V>): Promise<V> {
    const generation = this.generation;
    const scopeGeneration = this.generations.get(scope) ?? 0;
    const promise = (async () => {
      const value = await compute();
      if (generation === this.generation && scopeGeneration === (this.generations.get(scope) ?? 0)) {
        this.entries.delete(full); // a refreshed entry goes to the end: the oldest is the first forgotten
        if (this.listening && (this.o.keeps?.(value) ?? true)) {
          const { maxEntries = Number.POSITIVE_INFINITY, ttlMs, ttlSpread = 0 } = this.o;
          if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(full, {
            value,
            scope,
            until: Date.now() + Math.round(ttlMs * (1 - ttlSpread * Math.random())),
          });
        }
      }
      return value;
    })();
    this.pending.set(full, { scope, promise });
    const forget = () => {
      if (this.pending.get(full)?.promise === promise) this.pending.delete(full);
    };
    promise.then(forget, forget);
    return promise;
  }
}

/**
 * Keeps `kept` in step with the database: empties it on every notification of `channel` (payload: the scope, or
 * "*" for everything). PGlite: its own in-process notifications, delivered with the statement that caused them.
 * PostgreSQL: one dedicated connection LISTENing, re-established if it drops (everything is emptied then, and
 * nothing is kept while it is down). Returns a function that stops listening.
 */
export type Invalidatable = { invalidate: (scope?: string) => void; listening: boolean };

export async function keepInStep(
  database: Database,
  channel: string,
  kept: Invalidatable,
): Promise<() => Promise<void>> {
  const onNotify = (payload: string | undefined) => kept.invalidate(payload || undefined);
  if (database.engine === 'pglite') {
    const unlisten = await database.pglite!.listen(channel, onNotify);
    return async () => {
      await unlisten().catch(() => {});
    };
  }
  const options = database.pool!.options;
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const open = async () => {
    if (stopped) return;
    const c = new pg.Client({ ...options, connectionTimeoutMillis: 5000 } as pg.ClientConfig);
    const lost = () => {
      if (client !== c) return;
      client = null;
      kept.listening = false;
      kept.invalidate();
      if (!stopped) retry = setTimeout(() => void open(), 1000);
    };
    c.on('notification', (n) => onNotify(n.payload));
    c.on('error', lost);
    c.on('end', lost);
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      kept.invalidate(); // changes made while nobody listened
      kept.listening = true;
    } catch {
      lost();
      await c.end().catch(() => {});
    }
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

/**
 * Values kept in step with `channel` from their first use (most test apps never need them) until `stop`: for a
 * plugin, a hook on the app's close calls it.
 */
export function keptInStep<K extends Invalidatable>(database: Database, channel: string, kept: K) {
  let listening: Promise<() => Promise<void>> | undefined;
  return {
    kept,
    /** Resolves once listening (or once it failed: then `listening` is false and nothing is kept). */
    ready: () =>
      (listening ??= keepInStep(database, channel, kept).catch(() => {
        kept.listening = false; // no notifications: nothing is kept, every value is computed
        return async () => {};
      })),
    stop: async () => {
      if (listening) await (await listening)();
    },
  };
}
