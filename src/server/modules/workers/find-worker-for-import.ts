import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { passes, workers } from './schema.js';

/** Names compared as people type them: accents and case ignored. */
const fold = (value: unknown) =>
  sql`lower(translate(${value}, 'àâäçéèêëîïôöùûüÿœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ', 'aaaceeeeiioouuuyoaaaceeeeiioouuuy'))`;

/**
 * The worker an imported line describes, if already recorded: by PASS IAE number, else by name and birth date
 * (accents and case ignored), so that importing the same file twice creates nobody twice.
 */
export async function findWorkerForImport(
  db: Db,
  organisationId: string,
  o: { passNumber?: string; firstName: string; lastName: string; birthDate: string },
): Promise<{ id: string; matchedBy: 'pass' | 'identity' } | null> {
  if (o.passNumber) {
    const [byPass] = await db
      .select({ id: passes.workerId })
      .from(passes)
      .where(and(eq(passes.organisationId, organisationId), eq(passes.number, o.passNumber)))
      .limit(1);
    if (byPass) return { id: byPass.id, matchedBy: 'pass' };
  }
  const fold = (column: unknown) =>
    sql`lower(translate(${column}, 'àâäçéèêëîïôöùûüÿœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ', 'aaaceeeeiioouuuyoaaaceeeeiioouuuy'))`;
  const [byIdentity] = await db
    .select({ id: workers.id })
    .from(workers)
    .where(
      and(
        eq(workers.organisationId, organisationId),
        eq(workers.birthDate, o.birthDate),
        sql`${fold(workers.lastName)} = ${fold(sql`${o.lastName}::text`)}`,
        sql`${fold(workers.firstName)} = ${fold(sql`${o.firstName}::text`)}`,
      ),
    )
    .limit(1);
  return byIdentity ? { id: byIdentity.id, matchedBy: 'identity' } : null;
}

/**
 * The workers a contract line names: by PASS IAE number, or by "Prénom Nom" (either order, accents ignored).
 * Several records with that name answer 'ambiguous' (the line must then give the PASS number).
 */
export async function findWorkerByReference(
  db: Db,
  organisationId: string,
  reference: string,
): Promise<{ id: string } | 'ambiguous' | null> {
  const ref = reference.trim();
  if (/^[0-9A-Z]{12}$/.test(ref.replace(/\s/g, ''))) {
    const [byPass] = await db
      .select({ id: passes.workerId })
      .from(passes)
      .where(and(eq(passes.organisationId, organisationId), eq(passes.number, ref.replace(/\s/g, ''))))
      .limit(1);
    return byPass ?? null;
  }
  const full = fold(sql`${ref}::text`);
  const rows = await db
    .select({ id: workers.id })
    .from(workers)
    .where(
      and(
        eq(workers.organisationId, organisationId),
        sql`(${fold(sql`${workers.firstName} || ' ' || ${workers.lastName}`)} = ${full}
          OR ${fold(sql`${workers.lastName} || ' ' || ${workers.firstName}`)} = ${full})`,
      ),
    )
    .limit(2);
  return rows.length > 1 ? 'ambiguous' : (rows[0] ?? null);
}
