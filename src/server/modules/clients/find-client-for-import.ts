import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { clients } from './schema.js';

/**
 * The client an imported line describes, if already recorded: by SIRET, else by name (case ignored) in the same
 * commune (individuals have no SIRET), so that importing the same file twice creates no client twice.
 */
export async function findClientForImport(
  db: Db,
  organisationId: string,
  o: { siret: string | null; name: string; communeCode: string },
): Promise<{ id: string } | null> {
  const [found] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        eq(clients.organisationId, organisationId),
        o.siret
          ? eq(clients.siret, o.siret)
          : and(eq(clients.communeCode, o.communeCode), sql`lower(${clients.name}) = lower(${o.name})`),
      ),
    )
    .limit(1);
  return found ?? null;
}

/** The client a line names by SIRET or by exact name (case ignored); 'ambiguous' when the name is not unique. */
export async function findClientByReference(
  db: Db,
  organisationId: string,
  o: { siret?: string; name?: string },
): Promise<{ id: string } | 'ambiguous' | null> {
  if (!o.siret && !o.name) return null;
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        eq(clients.organisationId, organisationId),
        o.siret ? eq(clients.siret, o.siret) : sql`lower(${clients.name}) = lower(${o.name})`,
      ),
    )
    .limit(2);
  return rows.length > 1 ? 'ambiguous' : (rows[0] ?? null);
}
