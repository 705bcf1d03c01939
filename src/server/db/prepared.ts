import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './connect.js';
import { rowsOf } from './rows.js';

/** A database session as the drivers give it inside a transaction: a PGlite transaction or a pg PoolClient. */
type SessionClient = {
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
  query: (text: string) => Promise<unknown>;
};

/** The statements already prepared in each session (a PGlite instance, a PostgreSQL connection). */
const preparedIn = new WeakMap<object, Set<string>>();

/**
 * PGlite hands each transaction an object of its own: connect.ts records here the instance it runs on, the
 * session whose prepared statements outlive the transaction.
 */
export const pgliteOfTransaction = new WeakMap<object, object>();

/** A parameter written as an SQL literal: a quoted string the prepared statement casts to its parameter's type. */
function literalOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : typeof value === 'boolean'
          ? String(value)
          : undefined;
  if (text === undefined || text.includes('\0')) return undefined;
  // An escape string (E'…') reads the same whatever standard_conforming_strings says: backslashes and quotes doubled.
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * Rows of a statement run through a session-level prepared statement with a generic plan:
 * planned once per session, not at every call. For statements whose planning costs more than their execution —
 * the single worker's assignment facts: eleven sub-selects planned in 2.5 ms on PostgreSQL and 3 to 5 ms on
 * PGlite, executed in under 1 ms. The generic plan is forced for this statement only (`SET LOCAL` around it, in
 * the same round trip), since PostgreSQL's own choice keeps re-planning statements whose parameters it cannot
 * estimate. Parameters travel as escape-string literals (EXECUTE takes no protocol parameters), which the
 * statement casts to their types. The session is a transaction's connection, or PGlite's only one (its statements
 * run one at a time: the `SET LOCAL` lasts for the implicit transaction of the three statements sent together). On
 * a PostgreSQL pool outside a transaction, or with a parameter that is not a plain value, it runs as usual.
 * Not for statements whose best plan depends on their parameters (the ranking of a region's twenty AIs, whose
 * statement is one AI's with a longer list).
 */
export async function rowsOfPrepared<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  // A transaction's own connection; else PGlite's single session (a pool has no session of its own to prepare in).
  const client =
    (db as unknown) instanceof PgTransaction
      ? (db as unknown as { session?: { client?: SessionClient } }).session?.client
      : (db as unknown as { $client?: SessionClient }).$client?.exec
        ? (db as unknown as { $client: SessionClient }).$client
        : undefined;
  if (!client) return rowsOf<T>(db, query);
  const dialect = (db as unknown as { dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } } })
    .dialect;
  const { sql: text, params } = dialect.sqlToQuery(query);
  const args = params.map(literalOf);
  if (args.some((a) => a === undefined)) return rowsOf<T>(db, query);
  const session = pgliteOfTransaction.get(client) ?? client;
  let names = preparedIn.get(session);
  if (!names) {
    names = new Set();
    preparedIn.set(session, names);
  }
  const name = `passerelle_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  // One result per statement sent (node-postgres answers a single statement with its result alone).
  const run = async (statements: string) => {
    const out = client.exec ? await client.exec(statements) : await client.query(statements);
    return (Array.isArray(out) ? out : [out]) as { rows: unknown[] }[];
  };
  if (!names.has(name)) {
    // Once per session, on round trips of their own: whether the session has it already (prepared through another
    // handle on the same session), then the PREPARE. A prepared statement outlives a transaction rolled back, so it
    // is recorded as soon as it exists.
    const [known] = await run(`SELECT 1 FROM pg_prepared_statements WHERE name = '${name}'`);
    if (known.rows.length === 0) await run(`PREPARE ${name} AS ${text}`);
    names.add(name);
  }
  const results = await run(
    `SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE ${name}${args.length ? `(${args.join(', ')})` : ''}; SET LOCAL plan_cache_mode = DEFAULT`,
  );
  return results[1].rows as T[];
}
