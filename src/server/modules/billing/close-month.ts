import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { forbidden, ruleBroken } from '../../http/errors.js';
import { roleAllows } from '../../policies/permissions.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/schema.js';
import { aggregateLines, type LineKind, priceShift } from '../pricing/rules/price-shift.js';
import { romeLabel } from '../quotes/rome-jobs.js';
import { pickRate } from '../quotes/rules/pick-rate.js';
import { rates } from '../quotes/schema.js';
import { monthRange } from '../timesheets/month.js';
import { timesheetEntries, timesheets } from '../timesheets/schema.js';
import { syncTimesheets } from '../timesheets/sync-timesheets.js';
import { workers } from '../workers/schema.js';
import { issueDocument, type NewLine } from './issue-document.js';
import { invoices, monthCloses } from './schema.js';

export type CloseFailure = { clientId: string; clientName: string; message: string };
export type CloseResult = {
  month: string;
  status: 'running' | 'done';
  invoices: { id: string; number: string; clientId: string; totalCents: number }[];
  failures: CloseFailure[];
};

const KIND_LABEL: Record<LineKind, string> = {
  normal: 'heures',
  night: 'heures de nuit',
  sunday: 'heures du dimanche',
  holiday: 'heures de jour férié',
  minimum: 'complément durée minimale',
  travel: 'frais de déplacement',
};
const KIND_ORDER: LineKind[] = ['normal', 'night', 'sunday', 'holiday', 'minimum', 'travel'];

export async function monthInvoices(db: Db, organisationId: string, month: string) {
  return db
    .select({ id: invoices.id, number: invoices.number, clientId: invoices.clientId, totalCents: invoices.totalCents })
    .from(invoices)
    .where(and(eq(invoices.organisationId, organisationId), eq(invoices.month, month), eq(invoices.kind, 'invoice')))
    .orderBy(asc(invoices.number));
}

/**
 * Closes a month: one invoice per client from the month's timesheets.
 * - Refused while timesheets are not validated (422 timesheets_not_validated, with the list), unless forced by
 *   an org_admin or accountant.
 * - Idempotent: a finished close returns its invoices and creates none.
 * - Crash-safe: the first step freezes the plan (month_closes row, timesheets locked) in one transaction; then
 *   each invoice is one transaction (number, PDF, lines) that first locks the close row and skips a client
 *   already invoiced. Re-running after a crash finishes the plan; the unique (organisation, month, client)
 *   index and the gapless numbering (a rolled-back transaction gives its number back) rule out duplicates and
 *   gaps, even when closes run concurrently.
 */
export async function closeMonth(o: {
  db: Db;
  actor: Pick<OrgActor, 'organisationId' | 'role' | 'userId'>;
  month: string;
  force?: boolean;
  /** The issue date (default: today in Paris); the demo issues past months on their next month's first day. */
  issuedOn?: string;
  onProgress?: (done: number, planned: number) => void;
}): Promise<CloseResult> {
  const { db, actor, month } = o;
  const organisationId = actor.organisationId;
  const range = monthRange(month);
  const issuedOn = o.issuedOn ?? parisToday();
  if (range.first > issuedOn) {
    throw ruleBroken('month_not_started', 'Ce mois n’a pas commencé : il ne peut pas être clos.');
  }
  if (o.force && !roleAllows(actor.role, 'month.force_close')) {
    throw forbidden('Seuls la direction et la comptabilité peuvent forcer la clôture.');
  }
  let [close] = await db
    .select()
    .from(monthCloses)
    .where(and(eq(monthCloses.organisationId, organisationId), eq(monthCloses.month, month)));
  if (close?.status === 'done') {
    return {
      month,
      status: 'done',
      invoices: await monthInvoices(db, organisationId, month),
      failures: close.failures,
    };
  }
  if (!close) {
    close = await db.transaction(async (tx) => {
      await syncTimesheets({ db: tx, organisationId, month });
      const sheets = await tx
        .select({
          id: timesheets.id,
          clientId: timesheets.clientId,
          status: timesheets.status,
          closedAt: timesheets.closedAt,
          clientName: clients.name,
        })
        .from(timesheets)
        .innerJoin(clients, eq(clients.id, timesheets.clientId))
        .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)))
        .orderBy(asc(clients.name), asc(clients.id));
      const withEntries = new Set(
        (
          await tx
            .selectDistinct({ timesheetId: timesheetEntries.timesheetId })
            .from(timesheetEntries)
            .where(
              and(
                eq(timesheetEntries.organisationId, organisationId),
                inArray(
                  timesheetEntries.timesheetId,
                  sheets.map((s) => s.id).concat('00000000-0000-0000-0000-000000000000'),
                ),
              ),
            )
        ).map((r) => r.timesheetId),
      );
      const billable = sheets.filter((s) => withEntries.has(s.id));
      const missing = billable.filter((s) => s.status !== 'validated' && !s.closedAt);
      if (missing.length && !o.force) {
        throw ruleBroken(
          'timesheets_not_validated',
          `${missing.length} relevé${missing.length > 1 ? 's' : ''} d’heures ne ${missing.length > 1 ? 'sont' : 'est'} pas validé${missing.length > 1 ? 's' : ''} : faites-les valider par les clients, ou forcez la clôture (direction, comptabilité).`,
          missing.map((s) => ({ timesheetId: s.id, clientId: s.clientId, clientName: s.clientName, status: s.status })),
        );
      }
      const [row] = await tx
        .insert(monthCloses)
        .values({
          organisationId,
          month,
          forced: missing.length && o.force ? 1 : 0,
          plannedClientIds: billable.map((s) => s.clientId),
          startedBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (row) {
        // Freeze the hours: nothing changes in a timesheet once its month is being invoiced.
        await tx
          .update(timesheets)
          .set({ closedAt: new Date() })
          .where(
            and(
              eq(timesheets.organisationId, organisationId),
              eq(timesheets.month, month),
              isNull(timesheets.closedAt),
            ),
          );
        await recordAudit({
          db: tx,
          actor,
          action: 'month.close',
          recordType: 'month_close',
          recordId: row.id,
          details: { month, forced: Boolean(row.forced) },
        });
        return row;
      }
      const [other] = await tx
        .select()
        .from(monthCloses)
        .where(and(eq(monthCloses.organisationId, organisationId), eq(monthCloses.month, month)));
      return other;
    });
  }
  const closeId = close.id;
  const planned = close.plannedClientIds;
  const allRates = await db.select().from(rates).where(eq(rates.organisationId, organisationId));
  const failures: CloseFailure[] = [];
  let done = 0;
  for (const clientId of planned) {
    const failure = await db.transaction(async (tx) => {
      // Serialises concurrent closes of this month, invoice by invoice.
      await tx.select({ id: monthCloses.id }).from(monthCloses).where(eq(monthCloses.id, closeId)).for('update');
      const [already] = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(
          and(
            eq(invoices.organisationId, organisationId),
            eq(invoices.month, month),
            eq(invoices.clientId, clientId),
            eq(invoices.kind, 'invoice'),
          ),
        );
      if (already) return null;
      const [client] = await tx.select().from(clients).where(eq(clients.id, clientId));
      const entries = await tx
        .select({
          id: timesheetEntries.id,
          rome: timesheetEntries.rome,
          workerId: timesheetEntries.workerId,
          firstName: workers.firstName,
          lastName: workers.lastName,
          actualStart: timesheetEntries.actualStart,
          actualEnd: timesheetEntries.actualEnd,
          breakMinutes: timesheetEntries.breakMinutes,
        })
        .from(timesheetEntries)
        .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
        .innerJoin(workers, eq(workers.id, timesheetEntries.workerId))
        .where(
          and(
            eq(timesheets.organisationId, organisationId),
            eq(timesheets.month, month),
            eq(timesheets.clientId, clientId),
          ),
        )
        .orderBy(asc(timesheetEntries.actualStart), asc(timesheetEntries.id));
      const names = new Map<string, string>();
      const priced = [];
      for (const e of entries) {
        const day = parisDate(e.actualStart);
        const rate = pickRate(allRates, { rome: e.rome, clientKind: client.kind, on: day });
        if (!rate) {
          return {
            clientId,
            clientName: client.name,
            message: `Aucun tarif en vigueur le ${day.split('-').reverse().join('/')} pour le métier ${e.rome} (${client.kind}) : ajoutez-le dans les tarifs puis relancez la clôture.`,
          };
        }
        names.set(e.workerId, `${e.firstName} ${e.lastName}`);
        priced.push({
          rome: e.rome,
          workerId: e.workerId,
          rate,
          priced: priceShift({ start: e.actualStart, end: e.actualEnd, breakMinutes: e.breakMinutes, rate }),
        });
      }
      const lines: NewLine[] = aggregateLines(priced)
        .filter((l) => l.totalCents > 0)
        .sort(
          (a, b) =>
            a.rome.localeCompare(b.rome) ||
            (names.get(a.workerId ?? '') ?? '').localeCompare(names.get(b.workerId ?? '') ?? '') ||
            KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
            a.hourlyRateCents - b.hourlyRateCents,
        )
        .map((l) => {
          const worker = names.get(l.workerId ?? '') ?? '';
          const pct = l.surchargePct ? ` (+${l.surchargePct} %)` : '';
          return {
            kind: l.kind,
            rome: l.rome,
            workerId: l.workerId,
            workerName: worker,
            label: `${romeLabel(l.rome) ?? l.rome} — ${worker} — ${KIND_LABEL[l.kind]}${pct}`,
            minutes: l.kind === 'travel' ? null : l.minutes,
            count: l.count,
            unitPrice: l.kind === 'travel' ? l.unitCents : (l.hourlyRateCents * (100 + l.surchargePct)) / 100,
            hourlyRateCents: l.hourlyRateCents,
            surchargePct: l.surchargePct,
            totalCents: l.totalCents,
          };
        });
      if (lines.length === 0) return null;
      const invoice = await issueDocument({
        db: tx,
        organisationId,
        clientId,
        userId: actor.userId,
        kind: 'invoice',
        month,
        issuedOn,
        periodStart: range.first,
        periodEnd: range.last,
        lines,
      });
      await recordAudit({
        db: tx,
        actor,
        action: 'invoice.issue',
        recordType: 'invoice',
        recordId: invoice.id,
        details: { number: invoice.number, totalCents: invoice.totalCents },
      });
      return null;
    });
    if (failure) failures.push(failure);
    done++;
    o.onProgress?.(done, planned.length);
  }
  const status = failures.length ? 'running' : 'done';
  await db
    .update(monthCloses)
    .set({ status, failures, finishedAt: status === 'done' ? new Date() : null })
    .where(and(eq(monthCloses.id, closeId), ne(monthCloses.status, 'done')));
  return { month, status, invoices: await monthInvoices(db, organisationId, month), failures };
}
