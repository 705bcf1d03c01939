import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import type { Letterhead } from '../documents/pdf.js';

export async function letterheadOf(db: Db, organisationId: string): Promise<Letterhead> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return org;
}
