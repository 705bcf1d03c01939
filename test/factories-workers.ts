import type { Db } from '../src/server/db/connect.js';
import { barriers, supportInterviews, workerExits } from '../src/server/modules/support/schema.js';

/** A support file with one sensitive barrier and one interview, for privacy tests. */
export async function makeSupportFile(db: Db, o: { organisationId: string; workerId: string; secret?: string }) {
  const secret = o.secret ?? 'SECRET-SANTE-42';
  const [barrier] = await db
    .insert(barriers)
    .values({
      organisationId: o.organisationId,
      workerId: o.workerId,
      category: 'health',
      intensity: 3,
      details: `Traitement lourd ${secret}`,
      identifiedOn: '2026-01-15',
    })
    .returning();
  const [interview] = await db
    .insert(supportInterviews)
    .values({
      organisationId: o.organisationId,
      workerId: o.workerId,
      heldOn: '2026-02-01',
      notes: `Entretien ${secret}`,
    })
    .returning();
  return { barrier, interview, secret };
}

export async function makeExit(
  db: Db,
  o: {
    organisationId: string;
    workerId: string;
    date: string;
    category?: (typeof workerExits.$inferInsert)['category'];
    minutesWorked?: number;
  },
) {
  const [row] = await db
    .insert(workerExits)
    .values({
      organisationId: o.organisationId,
      workerId: o.workerId,
      exitDate: o.date,
      category: o.category ?? 'durable',
      reason: 'CDI chez un employeur du quartier',
      minutesWorked: o.minutesWorked ?? 0,
    })
    .returning();
  return row;
}
