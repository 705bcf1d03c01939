import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { numberSequences } from './schema.js';

export type NextNumberOptions = {
  db: Db;
  organisationId: string;
  /** Document kind and its printed prefix, e.g. 'invoice' → 'F', 'quote' → 'D'. */
  kind: string;
  prefix: string;
  year: number;
};

/** Must run inside the transaction that stores the numbered document. Returns e.g. "F-2026-00042". */
export async function nextNumber({ db, organisationId, kind, prefix, year }: NextNumberOptions): Promise<string> {
  const [row] = await db
    .insert(numberSequences)
    .values({ organisationId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [numberSequences.organisationId, numberSequences.kind, numberSequences.year],
      set: { last: sql`${numberSequences.last} + 1` },
    })
    .returning({ last: numberSequences.last });
  return `${prefix}-${year}-${String(row.last).padStart(5, '0')}`;
}
