import { and, asc, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { escapeLike } from '../../http/validation.js';
import { clientScope } from '../../policies/scopes.js';
import { normaliseText } from '../geo/communes.js';
import { presentClient } from './present-client.js';
import { type ClientKind, clients } from './schema.js';

const ACCENTED = 'àâäáãåéèêëíìîïóòôöõúùûüçñÿ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuucny';

/** The column lower-cased, without accents, apostrophes and hyphens: compared with normaliseText(query). */
export const normalisedColumn = (column: SQL | typeof clients.name) =>
  sql`translate(lower(${column}), ${`${ACCENTED}'’-`}, ${`${PLAIN}   `})`;

export type ListClientsOptions = {
  db: Db;
  actor: OrgActor;
  q?: string;
  kind?: ClientKind;
  archived?: boolean;
  /** Only the clients whose legal form is still unknown (to complete). */
  legalFormUnknown?: boolean;
  page: Page;
};

/** Clients by name, found by any part of the name (accents and case ignored). */
export async function listClients({
  db,
  actor,
  q,
  kind,
  archived = false,
  legalFormUnknown = false,
  page,
}: ListClientsOptions) {
  const where: SQL[] = [clientScope(actor)];
  if (!archived) where.push(isNull(clients.archivedAt));
  if (kind) where.push(eq(clients.kind, kind));
  if (legalFormUnknown) where.push(isNull(clients.legalForm));
  const words = q ? normaliseText(q).split(' ').filter(Boolean) : [];
  for (const w of words) where.push(sql`${normalisedColumn(clients.name)} LIKE ${`%${escapeLike(w)}%`}`);
  const cond = and(...where);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(clients)
      .where(cond)
      .orderBy(asc(clients.name), asc(clients.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(clients).where(cond),
  ]);
  return { items: rows.map(presentClient), total: n };
}
