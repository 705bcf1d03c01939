import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../modules/accounts/schema.js';
import { invoices, taxCertificates } from '../modules/billing/schema.js';
import { clients } from '../modules/clients/schema.js';
import { needRoutes, needs } from '../modules/needs/schema.js';
import { absences, missions, shifts } from '../modules/planning/schema.js';
import { placementContracts, quotes } from '../modules/quotes/schema.js';
import { timesheetEntries, timesheets } from '../modules/timesheets/schema.js';
import { workers, workerUnavailabilities } from '../modules/workers/schema.js';

/**
 * Object-level access in one place: which rows of a table an actor may see, as one SQL condition that every
 * find and list of that table ANDs into its WHERE clause (the idea of Documenso's getDocumentWhereInput).
 *
 * The permission table (permissions.ts) says which role may take an action; a scope says on which rows:
 *  - the staff of an AI (org_admin, placement_officer, support_officer, accountant): every row of the AI;
 *  - a client_user: the rows of its own client only;
 *  - a worker: the rows about itself only;
 *  - anyone else, or a table that names neither the client nor the worker for a bound role: nothing.
 * A row outside the scope is simply not found, so the answer is a 404, the same as for an unknown id.
 *
 * test/security/object-scopes.test.ts checks it as a matrix (role × resource × own/other).
 */
export type ScopeActor = {
  organisationId: string;
  /** Absent for a call made by the system for the AI (a job, another module's operation): the AI's rows. */
  role?: Role | string;
  clientId?: string | null;
  workerId?: string | null;
};

const STAFF: readonly string[] = ['org_admin', 'placement_officer', 'support_officer', 'accountant'];

/** A condition no row meets. */
const NOTHING = sql`false`;

/**
 * The narrowing of a bound actor: `byClient` / `byWorker` is the condition tying a row to the actor's client
 * or worker (null: this table never shows to that role). Staff are not narrowed.
 */
function narrow(
  actor: ScopeActor,
  byClient: ((clientId: string) => SQL) | null,
  byWorker: ((workerId: string) => SQL) | null,
): SQL | undefined {
  if (actor.role === undefined || STAFF.includes(actor.role)) return undefined;
  if (actor.role === 'client_user') return byClient && actor.clientId ? byClient(actor.clientId) : NOTHING;
  if (actor.role === 'worker') return byWorker && actor.workerId ? byWorker(actor.workerId) : NOTHING;
  return NOTHING;
}

const scoped = (organisationColumn: AnyPgColumn, actor: ScopeActor, narrowing: SQL | undefined) =>
  and(eq(organisationColumn, actor.organisationId), narrowing) as SQL;

export const shiftScope = (actor: ScopeActor) =>
  scoped(
    shifts.organisationId,
    actor,
    narrow(
      actor,
      (c) => eq(shifts.clientId, c),
      (w) => eq(shifts.workerId, w),
    ),
  );

export const missionScope = (actor: ScopeActor) =>
  scoped(
    missions.organisationId,
    actor,
    narrow(actor, (c) => eq(missions.clientId, c), null),
  );

/** Absences are read by the staff and by the worker concerned. */
export const absenceScope = (actor: ScopeActor) =>
  scoped(
    absences.organisationId,
    actor,
    narrow(actor, null, (w) => eq(absences.workerId, w)),
  );

export const timesheetScope = (actor: ScopeActor) =>
  scoped(
    timesheets.organisationId,
    actor,
    narrow(actor, (c) => eq(timesheets.clientId, c), null),
  );

/** An intervention of a timesheet: the client of its timesheet, or the worker who did it. */
export const timesheetEntryScope = (actor: ScopeActor) =>
  scoped(
    timesheetEntries.organisationId,
    actor,
    narrow(
      actor,
      (c) =>
        sql`exists (select 1 from ${timesheets} where ${timesheets.id} = ${timesheetEntries.timesheetId} and ${timesheets.clientId} = ${c})`,
      (w) => eq(timesheetEntries.workerId, w),
    ),
  );

export const invoiceScope = (actor: ScopeActor) =>
  scoped(
    invoices.organisationId,
    actor,
    narrow(actor, (c) => eq(invoices.clientId, c), null),
  );

export const taxCertificateScope = (actor: ScopeActor) =>
  scoped(
    taxCertificates.organisationId,
    actor,
    narrow(actor, (c) => eq(taxCertificates.clientId, c), null),
  );

export const quoteScope = (actor: ScopeActor) =>
  scoped(
    quotes.organisationId,
    actor,
    narrow(actor, (c) => eq(quotes.clientId, c), null),
  );

export const placementContractScope = (actor: ScopeActor) =>
  scoped(
    placementContracts.organisationId,
    actor,
    narrow(actor, (c) => eq(placementContracts.clientId, c), null),
  );

/**
 * Needs are not owned by one AI: the AI sees those routed to it; its client user only those its AI claimed and
 * linked to its client.
 */
export const needScope = (actor: ScopeActor) =>
  and(
    sql`exists (select 1 from ${needRoutes} where ${needRoutes.needId} = ${needs.id} and ${needRoutes.organisationId} = ${actor.organisationId})`,
    narrow(
      actor,
      (c) => and(eq(needs.clientId, c), eq(needs.claimedByOrganisationId, actor.organisationId)) as SQL,
      null,
    ),
  ) as SQL;

export const workerScope = (actor: ScopeActor) =>
  scoped(
    workers.organisationId,
    actor,
    narrow(actor, null, (w) => eq(workers.id, w)),
  );

/**
 * The workers an actor may declare absent: the staff any of the AI, a worker itself, a client user the
 * workers who have worked or are planned on its shifts (so that it can say "X did not come").
 */
export const absenceWorkerScope = (actor: ScopeActor) =>
  scoped(
    workers.organisationId,
    actor,
    narrow(
      actor,
      (c) =>
        sql`exists (select 1 from ${shifts} where ${shifts.workerId} = ${workers.id} and ${shifts.clientId} = ${c} and ${shifts.organisationId} = ${actor.organisationId})`,
      (w) => eq(workers.id, w),
    ),
  );

export const unavailabilityScope = (actor: ScopeActor) =>
  scoped(
    workerUnavailabilities.organisationId,
    actor,
    narrow(actor, null, (w) => eq(workerUnavailabilities.workerId, w)),
  );

export const clientScope = (actor: ScopeActor) =>
  scoped(
    clients.organisationId,
    actor,
    narrow(actor, (c) => eq(clients.id, c), null),
  );
