import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/connect.js';
import { KeptValues, keptInStep } from '../db/kept-values.js';

const gzip = promisify(zlib.gzip);

/**
 * Safety net only: every change empties the entries it concerns at once, in every process (db/kept-values.ts).
 * On PostgreSQL an entry also expires after 30 s, in case a notification is lost while the listening connection
 * reconnects: a page then shows a change at most 30 s late, as if it had been loaded 30 s earlier. PGlite delivers
 * its notifications in-process with the statement that caused them: none can be lost, and an entry lives 5 min,
 * which only bounds how long an answer computed before midnight shows yesterday's day. The shorter life cost
 * PGlite's throughput its tail: each refresh runs on the process's only thread (12 refreshes a second for 300
 * distinct searches, each blocking every connection for about 10 ms: the benchmark's p99 at 7 × its p50).
 */
const TTL_MS = { postgresql: 30_000, pglite: 300_000 } as const;

export type CachedAnswer = { body: string; gzipped: Buffer | null };

/**
 * One process's cache of read answers, serialised and gzipped once (issue 19; decision 011), kept in step with the
 * database by its notifications (migration 0039; db/kept-values.ts). Each answer belongs to a scope (an
 * organisation's id, or "directory"). Callers check the caller's rights before asking: the cache only spares the
 * reading and the serialising.
 */
export class AnswerCache extends KeptValues<CachedAnswer> {
  constructor(ttlMs: number = TTL_MS.postgresql) {
    // Spread lifetimes and one background refresh at a time: answers filled together by a warm-up would otherwise
    // expire together and be recomputed at once on PGlite's single connection (the throughput bench's p99).
    super({ ttlMs, ttlSpread: 0.25, refreshAheadMs: 5_000, maxRefreshes: 1, maxEntries: 2_000 });
  }

  /** The answer for `key` in `scope`, computed once by `compute` and serialised (concurrent misses share it). */
  answer(scope: string, key: string, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    return this.get(scope, key, async () => {
      const body = JSON.stringify(await compute());
      // Compressed once here, so even a small answer is worth it when it gets smaller.
      const compressed = await gzip(body);
      return { body, gzipped: compressed.length < Buffer.byteLength(body) ? compressed : null };
    });
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
 * A plugin's cached answers: `cached(scope, key, compute)` starts listening to `channel` on first use (most test
 * apps never need it) and stops when the app closes.
 */
export function answerCacheFor(
  app: { services: { database: Database }; addHook: (name: 'onClose', fn: () => Promise<void>) => unknown },
  channel: string,
) {
  const inStep = keptInStep(app.services.database, channel, new AnswerCache(TTL_MS[app.services.database.engine]));
  app.addHook('onClose', inStep.stop);
  const cached = async (scope: string, key: string, compute: () => Promise<unknown>) => {
    await inStep.ready();
    return inStep.kept.answer(scope, key, compute);
  };
  return { cache: inStep.kept, cached };
}
