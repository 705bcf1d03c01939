import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { forbidden, ruleBroken } from '../../http/errors.js';
import { roleAllows } from '../../policies/permissions.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { sendUrssafRequests } from '../individuals/send-urssaf-requests.js';
import {
  type AggregatedLine,
  aggregateLines,
  type LineKind,
  lineAmountCents,
  priceShift,
  type Rate,
} from '../pricing/rules/price-shift.js';
import { rates } from '../quotes/queries.js';
import { romeLabel } from '../quotes/rome-jobs.js';
import { pickRate } from '../quotes/rules/pick-rate.js';
import { aggregateMonth } from '../reporting/aggregate-month.js';
import { freezeMonthTimesheets } from '../timesheets/freeze-month-timesheets.js';
import { markTimesheetsInvoiced } from '../timesheets/mark-timesheets-invoiced.js';
import { frenchMonth, monthRange } from '../timesheets/month.js';
import { timesheetEntries, timesheets } from '../timesheets/queries.js';
import { syncTimesheets } from '../timesheets/sync-timesheets.js';
import { workers } from '../workers/queries.js';
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
  /** Closes a month before its last day is over (org_admin only): otherwise 422 month_not_ended. */
  beforeMonthEnd?: boolean;
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
  // A month still running is not closed by accident: its invoices could never be edited, and the shifts still
  // to come would be billed on a supplementary invoice. Only the director may, saying so explicitly.
  if (range.last >= issuedOn) {
    if (!o.beforeMonthEnd) {
      throw ruleBroken(
        'month_not_ended',
        `Le mois de ${frenchMonth(month)} n’est pas terminé (jusqu’au ${range.last.split('-').reverse().join('/')}) : clôturez-le à partir du 1er du mois suivant.`,
      );
    }
    if (!roleAllows(actor.role, 'month.close_running')) {
      throw forbidden('Seule la direction peut clôturer un mois qui n’est pas terminé.');
    }
  }
  if (o.force && !roleAllows(actor.role, 'month.force_close')) {
    throw forbidden('Seuls la direction et la comptabilité peuvent forcer la clôture.');
  }
  // The timesheets take in the last shift changes first, in their own transaction: a close refused for
  // unvalidated timesheets leaves them prepared, ready to be sent and validated.
  await db.transaction((tx) => syncTimesheets({ db: tx, organisationId, month }));
  // Step 1, one transaction: the timesheets not yet frozen are checked and frozen, and the plan (clients to
  // invoice, in order) is written. On a month already closed this is a re-close: only supplementary timesheets
  // (shifts found after the close) are planned. A shift changed after this point waits for the next close.
  const close = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(monthCloses)
      .where(and(eq(monthCloses.organisationId, organisationId), eq(monthCloses.month, month)))
      .for('update');
    const sheets = await tx
      .select({
        id: timesheets.id,
        clientId: timesheets.clientId,
        sequence: timesheets.sequence,
        status: timesheets.status,
        clientName: clients.name,
      })
      .from(timesheets)
      .innerJoin(clients, eq(clients.id, timesheets.clientId))
      .where(
        and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month), isNull(timesheets.closedAt)),
      )
      .orderBy(asc(clients.name), asc(clients.id), asc(timesheets.sequence));
    const withEntries = new Set(
      sheets.length
        ? (
            await tx
              .selectDistinct({ timesheetId: timesheetEntries.timesheetId })
              .from(timesheetEntries)
              .where(
                and(
                  eq(timesheetEntries.organisationId, organisationId),
                  inArray(
                    timesheetEntries.timesheetId,
                    sheets.map((s) => s.id),
                  ),
                ),
              )
          ).map((r) => r.timesheetId)
        : [],
    );
    const billable = sheets.filter((s) => withEntries.has(s.id));
    if (existing && billable.length === 0) return existing;
    const missing = billable.filter((s) => s.status !== 'validated');
    if (missing.length && !o.force) {
      throw ruleBroken(
        'timesheets_not_validated',
        `${missing.length} relevé${missing.length > 1 ? 's' : ''} d’heures ne ${missing.length > 1 ? 'sont' : 'est'} pas validé${missing.length > 1 ? 's' : ''} : faites-les valider par les clients, ou forcez la clôture (direction, comptabilité).`,
        missing.map((s) => ({
          timesheetId: s.id,
          clientId: s.clientId,
          clientName: s.clientName,
          status: s.status,
          supplementary: s.sequence > 1,
        })),
      );
    }
    const clientIds = [...new Set(billable.map((s) => s.clientId))];
    const forced = missing.length && o.force ? 1 : 0;
    let row: typeof monthCloses.$inferSelect | undefined;
    if (!existing) {
      [row] = await tx
        .insert(monthCloses)
        .values({ organisationId, month, forced, plannedClientIds: clientIds, startedBy: actor.userId })
        .onConflictDoNothing()
        .returning();
      if (!row) {
        // Another close of this month committed meanwhile: follow its plan.
        const [other] = await tx
          .select()
          .from(monthCloses)
          .where(and(eq(monthCloses.organisationId, organisationId), eq(monthCloses.month, month)));
        return other;
      }
    } else {
      const planned =
        existing.status === 'running' ? [...new Set([...existing.plannedClientIds, ...clientIds])] : clientIds;
      [row] = await tx
        .update(monthCloses)
        .set({
          status: 'running',
          plannedClientIds: planned,
          forced: existing.forced || forced,
          finishedAt: null,
        })
        .where(eq(monthCloses.id, existing.id))
        .returning();
    }
    // Freeze the hours: nothing changes in a timesheet once it is being invoiced.
    await freezeMonthTimesheets(tx, { organisationId, month });
    await recordAudit({
      db: tx,
      actor,
      action: existing ? 'month.reclose' : 'month.close',
      recordType: 'month_close',
      recordId: row.id,
      details: { month, forced: Boolean(forced), timesheetIds: billable.map((s) => s.id) },
    });
    return row;
  });
  if (close.status === 'done') {
    return {
      month,
      status: 'done',
      invoices: await monthInvoices(db, organisationId, month),
      failures: close.failures,
    };
  }
  const closeId = close.id;
  const planned = close.plannedClientIds;
  const failures: CloseFailure[] = [];
  let done = 0;
  for (const clientId of planned) {
    const failure = await db.transaction(async (tx) => {
      // Serialises concurrent closes of this month, invoice by invoice.
      await tx.select({ id: monthCloses.id }).from(monthCloses).where(eq(monthCloses.id, closeId)).for('update');
      return invoiceFrozenTimesheets({ db: tx, actor, month, clientId, issuedOn });
    });
    if (failure) failures.push(failure);
    done++;
    o.onProgress?.(done, planned.length);
  }
  // Individuals under the avance immédiate: the requests planned with their invoices go to URSSAF now (a crash
  // or an unreachable URSSAF leaves them planned: the re-run and the hourly job send them, never twice).
  await sendUrssafRequests({ db, organisationId, month }).catch(() => undefined);
  const status = failures.length ? 'running' : 'done';
  await db
    .update(monthCloses)
    .set({ status, failures, finishedAt: status === 'done' ? new Date() : null })
    .where(and(eq(monthCloses.id, closeId), ne(monthCloses.status, 'done')));
  // A closed month's figures are kept aggregated from now on (reporting's operation; a month not over is left live).
  if (status === 'done') await aggregateMonth({ db, organisationId, month });
  return { month, status, invoices: await monthInvoices(db, organisationId, month), failures };
}

type PricedEntry = { rome: string; workerId: string; rate: Rate; priced: ReturnType<typeof priceShift> };

/**
 * Bills what a client has frozen and not yet invoiced for the month (its timesheet, supplementary and
 * correction timesheets), in the caller's transaction. The hours are priced per job, worker, kind and rate;
 * a reversal (a slot that did not happen as validated) is netted against the hours of the same line. What
 * remains positive is invoiced (a supplementary invoice when the month already has one); what remains negative
 * was invoiced before and is credited by a credit note on that invoice. Returns a failure to show, or null.
 */
export async function invoiceFrozenTimesheets(o: {
  db: Db;
  actor: { organisationId: string; userId: string | null };
  month: string;
  clientId: string;
  issuedOn: string;
}): Promise<CloseFailure | null> {
  const { db: tx, actor, month, clientId, issuedOn } = o;
  const organisationId = actor.organisationId;
  const range = monthRange(month);
  const pending = await tx
    .select({ id: timesheets.id })
    .from(timesheets)
    .where(
      and(
        eq(timesheets.organisationId, organisationId),
        eq(timesheets.month, month),
        eq(timesheets.clientId, clientId),
        isNotNull(timesheets.closedAt),
        isNull(timesheets.invoiceId),
      ),
    );
  if (pending.length === 0) return null;
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
      reversesEntryId: timesheetEntries.reversesEntryId,
    })
    .from(timesheetEntries)
    .innerJoin(workers, eq(workers.id, timesheetEntries.workerId))
    .where(
      inArray(
        timesheetEntries.timesheetId,
        pending.map((p) => p.id),
      ),
    )
    .orderBy(asc(timesheetEntries.actualStart), asc(timesheetEntries.id));
  if (entries.length === 0) return null;
  const allRates = await tx.select().from(rates).where(eq(rates.organisationId, organisationId));
  const names = new Map<string, string>();
  const worked: PricedEntry[] = [];
  const reversed: PricedEntry[] = [];
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
    const item = {
      rome: e.rome,
      workerId: e.workerId,
      rate,
      priced: priceShift({ start: e.actualStart, end: e.actualEnd, breakMinutes: e.breakMinutes, rate }),
    };
    (e.reversesEntryId ? reversed : worked).push(item);
  }
  // Net per line: a reversal and the hours it cancels fall on the same line (same job, worker, kind, rate).
  const net = new Map(aggregateLines(worked).map((l) => [l.key, { ...l }]));
  for (const r of aggregateLines(reversed)) {
    const l = net.get(r.key) ?? { ...r, minutes: 0, count: 0, totalCents: 0 };
    l.minutes -= r.minutes;
    l.count -= r.count;
    net.set(r.key, l);
  }
  for (const l of net.values()) {
    l.totalCents =
      l.kind === 'travel'
        ? l.count * l.unitCents
        : Math.sign(l.minutes) * lineAmountCents(Math.abs(l.minutes), l.hourlyRateCents, l.surchargePct);
  }
  const toLine = (l: AggregatedLine, sign: 1 | -1, suffix: string): NewLine => {
    const worker = names.get(l.workerId ?? '') ?? '';
    const pct = l.surchargePct ? ` (+${l.surchargePct} %)` : '';
    return {
      kind: l.kind,
      rome: l.rome,
      workerId: l.workerId,
      workerName: worker,
      label: `${romeLabel(l.rome) ?? l.rome} — ${worker} — ${KIND_LABEL[l.kind]}${pct}${suffix}`,
      minutes: l.kind === 'travel' ? null : sign * l.minutes,
      count: sign * l.count,
      unitPrice: l.kind === 'travel' ? l.unitCents : (l.hourlyRateCents * (100 + l.surchargePct)) / 100,
      hourlyRateCents: l.hourlyRateCents,
      surchargePct: l.surchargePct,
      totalCents: sign * l.totalCents,
    };
  };
  const order = (a: AggregatedLine, b: AggregatedLine) =>
    a.rome.localeCompare(b.rome) ||
    (names.get(a.workerId ?? '') ?? '').localeCompare(names.get(b.workerId ?? '') ?? '') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.hourlyRateCents - b.hourlyRateCents;
  const lines = [...net.values()]
    .filter((l) => l.totalCents > 0)
    .sort(order)
    .map((l) => toLine(l, 1, ''));
  const credits = [...net.values()]
    .filter((l) => l.totalCents < 0)
    .sort(order)
    .map((l) => toLine(l, -1, ' — non effectuées'));
  const earlier = await tx
    .select({ id: invoices.id, number: invoices.number, issuedOn: invoices.issuedOn, totalCents: invoices.totalCents })
    .from(invoices)
    .where(
      and(
        eq(invoices.organisationId, organisationId),
        eq(invoices.month, month),
        eq(invoices.clientId, clientId),
        eq(invoices.kind, 'invoice'),
      ),
    )
    .orderBy(asc(invoices.supplement));
  let documentId: string | null = null;
  if (credits.length) {
    // Hours invoiced earlier that did not happen: the last invoice of the month is credited, never edited.
    const credited = earlier.at(-1);
    if (!credited) {
      return {
        clientId,
        clientName: client.name,
        message: 'Une correction retire des heures qui n’ont jamais été facturées : vérifiez les relevés du mois.',
      };
    }
    const note = await issueDocument({
      db: tx,
      organisationId,
      clientId,
      userId: actor.userId,
      kind: 'credit_note',
      month,
      issuedOn,
      periodStart: range.first,
      periodEnd: range.last,
      lines: credits,
      credited: { id: credited.id, number: credited.number, issuedOn: credited.issuedOn },
      reason: `Heures facturées sur la facture ${credited.number} et non effectuées comme validé (absence, annulation ou remplacement).`,
    });
    documentId = note.id;
    await recordAudit({
      db: tx,
      actor,
      action: 'credit_note.issue',
      recordType: 'invoice',
      recordId: credited.id,
      details: { creditNoteId: note.id, number: note.number, totalCents: note.totalCents, automatic: true },
    });
  }
  if (lines.length) {
    const supplement = earlier.length;
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
      supplement,
      // Never a change to the invoice already issued: the hours found after it get their own invoice.
      reason: supplement
        ? `Facture complémentaire de ${frenchMonth(month)} : interventions validées après la facture ${earlier[0].number}.`
        : null,
    });
    documentId = invoice.id;
    await recordAudit({
      db: tx,
      actor,
      action: 'invoice.issue',
      recordType: 'invoice',
      recordId: invoice.id,
      details: { number: invoice.number, totalCents: invoice.totalCents },
    });
  }
  if (!documentId) return null;
  await markTimesheetsInvoiced(tx, { organisationId, timesheetIds: pending.map((p) => p.id), invoiceId: documentId });
  return null;
}
