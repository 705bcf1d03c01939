import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { escapeLike } from '../../http/validation.js';
import { workerScope } from '../../policies/scopes.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { findJob } from '../directory/rome.js';
import { workerExits } from '../support/queries.js';
import type { WorkerSummary } from './present-worker.js';
import { daysLeft } from './rules/pass-dates.js';
import { workerJobs, workers } from './schema.js';

/** How many days before its end a PASS counts as "ending soon" (the first alert threshold). */
export const PASS_ENDING_SOON_DAYS = 60;

export type ListWorkersOptions = {
  db: Db;
  actor: OrgActor;
  q?: string;
  job?: string;
  passEndingSoon?: boolean;
  status?: 'active' | 'exited' | 'all';
  page: Page;
};

// Raw qualified names: drizzle leaves columns unqualified in single-table queries, which a subquery would capture.
const W_ID = sql.raw('"workers"."id"');
const passEnd = sql<string | null>`(SELECT max(p.end_date)::text FROM passes p WHERE p.worker_id = ${W_ID})`;

/** Workers of the AI, PASS ending soon first, searched by any part of the name (accents ignored). */
export async function listWorkers({ db, actor, q, job, passEndingSoon, status = 'active', page }: ListWorkersOptions) {
  const today = parisToday();
  const soon = addDays(today, PASS_ENDING_SOON_DAYS);
  const where: SQL[] = [workerScope(actor)];
  const term = q?.trim();
  if (term) {
    where.push(
      sql`immutable_unaccent(lower(${workers.firstName} || ' ' || ${workers.lastName} || ' ' || ${workers.firstName})) LIKE '%' || immutable_unaccent(lower(${escapeLike(term)})) || '%'`,
    );
  }
  if (job) where.push(sql`EXISTS (SELECT 1 FROM worker_jobs j WHERE j.worker_id = ${W_ID} AND j.rome = ${job})`);
  if (passEndingSoon) where.push(sql`${passEnd} BETWEEN ${today} AND ${soon}`);
  const exited = sql`EXISTS (SELECT 1 FROM ${workerExits} e WHERE e.worker_id = ${W_ID})`;
  if (status === 'active') where.push(sql`NOT ${exited}`, sql`${workers.anonymisedAt} IS NULL`);
  if (status === 'exited') where.push(exited);
  const filter = and(...where);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(workers).where(filter);
  const rows = await db
    .select({
      w: workers,
      passEnd,
      exitDate: sql<string | null>`(SELECT e.exit_date::text FROM ${workerExits} e WHERE e.worker_id = ${W_ID})`,
    })
    .from(workers)
    .where(filter)
    .orderBy(
      sql`CASE WHEN ${passEnd} BETWEEN ${today} AND ${soon} THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${passEnd} BETWEEN ${today} AND ${soon} THEN ${passEnd} END`,
      asc(workers.lastName),
      asc(workers.firstName),
      asc(workers.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const ids = rows.map((r) => r.w.id);
  const jobs = ids.length
    ? await db
        .select()
        .from(workerJobs)
        .where(
          sql`${workerJobs.workerId} IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        )
    : [];
  const items: WorkerSummary[] = rows.map(({ w, passEnd: end, exitDate }) => ({
    id: w.id,
    firstName: w.firstName,
    lastName: w.lastName,
    communeCode: w.communeCode,
    communeName: w.communeName,
    jobs: jobs
      .filter((j) => j.workerId === w.id)
      .map((j) => ({ rome: j.rome, label: findJob(j.rome)?.label ?? j.rome, level: j.level })),
    passEndDate: end,
    passDaysLeft: end ? daysLeft(end, today) : null,
    maxHoursPerWeek: w.maxMinutesPerWeek === null ? null : w.maxMinutesPerWeek / 60,
    exitDate,
    anonymised: w.anonymisedAt !== null,
  }));
  return { items, total };
}

/** How many active workers have a PASS ending within 60 days (the navigation badge). */
export async function countPassesEndingSoon({ db, actor }: { db: Db; actor: OrgActor }) {
  const today = parisToday();
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workers)
    .where(
      and(
        eq(workers.organisationId, actor.organisationId),
        sql`${workers.anonymisedAt} IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM ${workerExits} e WHERE e.worker_id = ${W_ID})`,
        sql`${passEnd} BETWEEN ${today} AND ${addDays(today, PASS_ENDING_SOON_DAYS)}`,
      ),
    );
  return n;
}
