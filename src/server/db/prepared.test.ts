import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { rowsOfPrepared } from './prepared.js';
import { rowsOf } from './rows.js';

const database = await testDatabase();
const db = database.db;
afterAll(() => database.close());

/** A statement echoing its parameters, with the session's plan cache mode while it runs. */
const echo = (text: string, n: number, flag: boolean, none: string | null) =>
  sql`SELECT ${text}::text AS text, ${n}::float8 AS n, ${flag}::boolean AS flag, ${none}::text AS none,
    current_setting('plan_cache_mode') AS mode`;

describe('rowsOfPrepared (statements planned once per session)', () => {
  test('returns what the plain statement returns, for values that need escaping', async () => {
    const values = [
      "l'apostrophe",
      "une barre \\ oblique, \\' mêlée",
      "E'x' ; DROP TABLE shifts; --",
      'ligne\nsuivante\ttab',
      'émoji-free ünïcode — « guillemets »',
      '',
    ];
    for (const [i, text] of values.entries()) {
      const plain = await rowsOf(db, echo(text, i + 0.5, i % 2 === 0, null));
      const prepared = await db.transaction((tx) => rowsOfPrepared(tx, echo(text, i + 0.5, i % 2 === 0, null)));
      expect(prepared).toEqual([{ ...plain[0], mode: 'force_generic_plan' }]);
      expect(prepared[0]).toMatchObject({ text, n: i + 0.5, flag: i % 2 === 0, none: null });
    }
    expect(await rowsOf(db, sql`SELECT count(*)::int AS n FROM shifts`)).toEqual([{ n: expect.any(Number) }]);
  });

  test('prepares once per session, restores the plan cache mode, and runs as usual outside a transaction', async () => {
    const statement = (k: number) => sql`SELECT ${k}::int + 1 AS next`;
    const seen = await db.transaction(async (tx) => {
      const first = await rowsOfPrepared<{ next: number }>(tx, statement(1));
      const second = await rowsOfPrepared<{ next: number }>(tx, statement(41));
      const [after] = await rowsOf<{ mode: string }>(tx, sql`SELECT current_setting('plan_cache_mode') AS mode`);
      const prepared = await rowsOf<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%+ 1 AS next%'`,
      );
      return { first, second, after, prepared };
    });
    expect(seen.first).toEqual([{ next: 2 }]);
    expect(seen.second).toEqual([{ next: 42 }]);
    expect(seen.after.mode).toBe('auto');
    expect(seen.prepared).toEqual([{ n: 1 }]);
    // Outside a transaction (no session of its own on a pool): the plain statement.
    expect(await rowsOfPrepared(db, statement(9))).toEqual([{ next: 10 }]);
  });

  test('a failing execution leaves the transaction rolled back and the session as it was', async () => {
    const broken = sql`SELECT ${'pas un nombre'}::int AS n`;
    await expect(db.transaction((tx) => rowsOfPrepared(tx, broken))).rejects.toThrow();
    // Prepared statements outlive a rolled back transaction: the next call executes it again (and fails the same).
    await expect(db.transaction((tx) => rowsOfPrepared(tx, broken))).rejects.toThrow();
    const [{ mode }] = await rowsOf<{ mode: string }>(db, sql`SELECT current_setting('plan_cache_mode') AS mode`);
    expect(mode).toBe('auto');
  });
});
