import { and, asc, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
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
  page: Page;
};

/** Clients by name, found by any part of the name (accents and case ignored). */
export async function listClients({ db, actor, q, kind, archived = false, page }: ListClientsOptions) {
  const where: SQL[] = [eq(clients.organisationId, actor.organisationId)];
  if (!archived) where.push(isNull(clients.archivedAt));
  if (kind) where.push(eq(clients.kind, kind));
  const words = q ? normaliseText(q).split(' ').filter(Boolean) : [];
  for (const w of words) where.push(sql`${normalisedColumn(clients.name)} LIKE ${`%${w.replace(/[%_\\]/g, '')}%`}`);
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
