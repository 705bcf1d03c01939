import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';
import pg from 'pg';
import type { Database } from '../db/connect.js';

const gzip = promisify(zlib.gzip);

/**
 * Safety net only: every change empties the entries it concerns at once, in every process (notifications below).
 * On PostgreSQL an entry also expires after 30 s, in case a notification is lost while the listening connection
 * reconnects: a page then shows a change at most 30 s late, as if it had been loaded 30 s earlier. PGlite delivers
 * its notifications in-process with the statement that caused them: none can be lost, and an entry lives 5 min,
 * which only bounds how long an answer computed before midnight shows yesterday's day. The shorter life cost
 * PGlite's throughput its tail: each refresh runs on the process's only thread (12 refreshes a second for 300
 * distinct searches, each blocking every connection for about 10 ms: the benchmark's p99 at 7 × its p50).
 */
const TTL_MS = { postgresql: 30_000, pglite: 300_000 } as const;
const MAX_ENTRIES = 2_000;
/**
 * Entries filled together (a warm-up, the first minute after a start) would all expire together: every request
 * then waited for its answer to be computed again, at once, on PGlite's single connection (the throughput bench's
 * p99). So each entry lives between 75 % and 100 % of the TTL, and in its last seconds the next request that reads
 * it starts its recomputation in the background while it and the others are still answered from the entry (the
 * TTL bound holds: the entry is never served past its own expiry). One background refresh at a time: they never
 * crowd out the requests.
 */
const TTL_SPREAD = 0.25;
const REFRESH_AHEAD_MS = 5_000;

export type CachedAnswer = { body: string; gzipped: Buffer | null; until: number };

/**
 * One process's cache of read answers, serialised and gzipped once (issue 19; docs/decisions/ "answer cache").
 * Each entry belongs to a scope (an organisation's id, or "directory"): `invalidate(scope)` empties that scope,
 * `invalidate()` everything. The database notifies every process of each change (migration 0039), and a request
 * that started before a change never stores its answer: its scope's generation moved on meanwhile.
 * Callers check the caller's rights before asking: the cache only spares the reading and the serialising.
 */
export class AnswerCache {
  constructor(private readonly ttlMs: number = TTL_MS.postgresql) {}
  private entries = new Map<string, CachedAnswer & { scope: string }>();
  private pending = new Map<string, Promise<CachedAnswer>>();
  private generations = new Map<string, number>();
  private generation = 0;
  private refreshing = false;
  /** False while change notifications are not received (PostgreSQL connection lost): nothing is kept then. */
  listening = true;

  invalidate(scope?: string) {
    if (scope === undefined || scope === '*') {
      this.generation++;
      this.entries.clear();
      this.pending.clear();
      return;
    }
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.scope === scope) this.entries.delete(key);
    for (const key of this.pending.keys()) if (key.startsWith(`${scope} `)) this.pending.delete(key);
  }

  /**
   * The answer for `key` in `scope`, computed once by `compute` (concurrent misses share one computation), and
   * recomputed in the background shortly before it expires.
   */
  async get(scope: string, key: string, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    const full = `${scope} ${key}`;
    const hit = this.entries.get(full);
    const now = Date.now();
    if (hit && hit.until > now) {
      if (hit.until - now < REFRESH_AHEAD_MS && !this.refreshing && !this.pending.has(full)) {
        this.refreshing = true;
        this.compute(scope, full, compute)
          .catch(() => {}) // the next request past the expiry computes it again and meets the error itself
          .finally(() => {
            this.refreshing = false;
          });
      }
      return hit;
    }
    return this.pending.get(full) ?? this.compute(scope, full, compute);
  }

  /** Computes, keeps (unless a change happened meanwhile) and returns the answer; concurrent callers share it. */
  private async compute(scope: string, full: string, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    const generation = this.generation;
    const scopeGeneration = this.generations.get(scope) ?? 0;
    const promise = (async () => {
      const body = JSON.stringify(await compute());
      // Compressed once here, so even a small answer is worth it when it gets smaller.
      const compressed = await gzip(body);
      const gzipped = compressed.length < Buffer.byteLength(body) ? compressed : null;
      const answer = { body, gzipped, until: Date.now() + Math.round(this.ttlMs * (1 - TTL_SPREAD * Math.random())) };
      const unchanged = generation === this.generation && scopeGeneration === (this.generations.get(scope) ?? 0);
      if (unchanged && this.listening) {
        this.entries.delete(full); // a refreshed entry goes to the end: the oldest is the first evicted
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(full, { ...answer, scope });
      }
      return answer;
    })();
    this.pending.set(full, promise);
    try {
      return await promise;
    } finally {
      if (this.pending.get(full) === promise) this.pending.delete(full);
    }
  }
}

/** Sends a cached answer, gzipped when the client accepts it (the compression plugin leaves it alone then). */
export function sendAnswer(
  reply: FastifyReply,
  answer: CachedAnswer,
  o: { acceptEncoding: string | string[] | undefined; cacheControl?: string },
) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (o.cacheControl) reply.header('cache-control', o.cacheControl);
  if (answer.gzipped && /\bgzip\b/.test(String(o.acceptEncoding ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(answer.gzipped);
  }
  return reply.send(answer.body);
}

/**
 * Keeps `cache` in step with the database: empties it on every notification of `channel` (payload: the scope, or
 * "*" for everything). PGlite: its own in-process notifications, delivered with the statement that caused them.
 * PostgreSQL: one dedicated connection LISTENing, re-established if it drops (everything is emptied then, and
 * nothing is kept while it is down). Returns a function that stops listening.
 */
export type Invalidatable = { invalidate: (scope?: string) => void; listening: boolean };

export async function keepInStep(
  database: Database,
  channel: string,
  cache: Invalidatable,
): Promise<() => Promise<void>> {
  const onNotify = (payload: string | undefined) => cache.invalidate(payload || undefined);
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
      cache.listening = false;
      cache.invalidate();
      if (!stopped) retry = setTimeout(() => void open(), 1000);
    };
    c.on('notification', (n) => onNotify(n.payload));
    c.on('error', lost);
    c.on('end', lost);
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      cache.invalidate(); // changes made while nobody listened
      cache.listening = true;
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
 * A plugin's cached answers: `cached(scope, key, compute)` starts listening to `channel` on first use (most test
 * apps never need it) and stops when the app closes.
 */
export function answerCacheFor(
  app: { services: { database: Database }; addHook: (name: 'onClose', fn: () => Promise<void>) => unknown },
  channel: string,
) {
  const cache = new AnswerCache(TTL_MS[app.services.database.engine]);
  let listening: Promise<() => Promise<void>> | undefined;
  app.addHook('onClose', async () => {
    if (listening) await (await listening)();
  });
  const cached = (scope: string, key: string, compute: () => Promise<unknown>) => {
    listening ??= keepInStep(app.services.database, channel, cache).catch(() => {
      cache.listening = false; // no notifications: nothing is kept, every answer is computed
      return async () => {};
    });
    return listening.then(() => cache.get(scope, key, compute));
  };
  return { cache, cached };
}
