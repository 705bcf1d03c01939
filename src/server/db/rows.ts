import type { SQL } from 'drizzle-orm';
import type { Db } from './connect.js';

/** Raw rows of a query, the same on PGlite and node-postgres. */
export async function rowsOf<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
