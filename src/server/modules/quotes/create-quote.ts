import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { type FieldIssue, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findClient } from '../clients/find-client.js';
import { sites } from '../clients/queries.js';
import { getNeed } from '../needs/get-need.js';
import { linkNeedToClient } from '../needs/set-need-status.js';
import { nextNumber } from '../numbering/next-number.js';
import { lineAmountCents } from '../pricing/rules/price-shift.js';
import { presentQuote } from './present-quote.js';
import type { CreateQuoteInput, ReviseQuoteInput } from './quote-input.js';
import { romeLabel } from './rome-jobs.js';
import { quoteLines, quotes } from './schema.js';

export type QuoteTerms = Omit<CreateQuoteInput, 'clientId' | 'needId'>;

/** Field checks zod cannot make (dates against today, known jobs, the client's own site). */
export async function checkQuoteTerms(db: Db, actor: OrgActor, clientId: string, t: Partial<QuoteTerms>) {
  const issues: FieldIssue[] = [];
  const today = parisToday();
  if (t.validUntil && t.validUntil < today)
    issues.push({ path: 'validUntil', message: 'La date de validité est déjà passée.' });
  if (t.startDate && t.endDate && t.endDate < t.startDate) {
    issues.push({ path: 'endDate', message: 'La date de fin précède la date de début.' });
  }
  t.lines?.forEach((l, i) => {
    if (!romeLabel(l.rome))
      issues.push({ path: `lines.${i}.rome`, message: `Le code ${l.rome} n’existe pas dans le ROME.` });
  });
  if (t.siteId) {
    const [site] = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.id, t.siteId), eq(sites.clientId, clientId), eq(sites.organisationId, actor.organisationId)));
    if (!site) issues.push({ path: 'siteId', message: 'Ce lieu d’intervention n’appartient pas à ce client.' });
  }
  if (issues.length) throw validationFailed(issues);
}

/** Stores one version of a quote and its lines (inside the caller's transaction). */
export async function insertQuoteVersion(
  tx: Db,
  actor: OrgActor,
  o: {
    clientId: string;
    needId: string | null;
    number: string;
    revision: number;
    previousId: string | null;
    terms: QuoteTerms;
  },
) {
  const lines = o.terms.lines.map((l, i) => ({
    position: i + 1,
    rome: l.rome,
    label: l.label ?? romeLabel(l.rome) ?? l.rome,
    minutes: l.minutes,
    hourlyRateCents: l.hourlyRateCents,
    totalCents: lineAmountCents(l.minutes, l.hourlyRateCents, 0),
  }));
  const [quote] = await tx
    .insert(quotes)
    .values({
      organisationId: actor.organisationId,
      clientId: o.clientId,
      needId: o.needId,
      number: o.number,
      revision: o.revision,
      previousId: o.previousId,
      status: 'draft',
      validUntil: o.terms.validUntil,
      tenderReference: o.terms.tenderReference ?? null,
      totalCents: lines.reduce((s, l) => s + l.totalCents, 0),
      siteId: o.terms.siteId ?? null,
      startDate: o.terms.startDate ?? null,
      endDate: o.terms.endDate ?? null,
      tasks: o.terms.tasks ?? null,
      protectiveEquipment: o.terms.protectiveEquipment ?? null,
      equipmentSuppliedBy: o.terms.equipmentSuppliedBy ?? null,
      equivalentPayCents: o.terms.equivalentPayCents ?? null,
      notes: o.terms.notes ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await tx
    .insert(quoteLines)
    .values(lines.map((l) => ({ ...l, organisationId: actor.organisationId, quoteId: quote.id })));
  return quote;
}

export type CreateQuoteOptions = { db: Db; actor: OrgActor; input: CreateQuoteInput };

/** A draft quote numbered D-YYYY-NNNNN without gaps (the number is taken in the same transaction). */
export async function createQuote({ db, actor, input }: CreateQuoteOptions) {
  const client = await findClient(db, actor, input.clientId);
  await checkQuoteTerms(db, actor, client.id, input);
  if (input.needId) {
    const need = await getNeed({ db, actor, needId: input.needId });
    if (need.claimedBy?.organisationId !== actor.organisationId) {
      throw validationFailed([{ path: 'needId', message: 'Ce besoin n’est pas pris en charge par votre structure.' }]);
    }
    // A need quoted for an existing client becomes that client's: its portal follows it ("Mes besoins").
    if (!need.clientId) await linkNeedToClient({ db, actor, needId: need.id, clientId: client.id });
  }
  return db.transaction(async (tx) => {
    const number = await nextNumber({
      db: tx,
      organisationId: actor.organisationId,
      kind: 'quote',
      prefix: 'D',
      year: Number(parisToday().slice(0, 4)),
    });
    const { clientId: _c, needId, ...terms } = input;
    const quote = await insertQuoteVersion(tx, actor, {
      clientId: client.id,
      needId: needId ?? null,
      number,
      revision: 1,
      previousId: null,
      terms,
    });
    await recordAudit({
      db: tx,
      actor,
      action: 'quote.create',
      recordType: 'quote',
      recordId: quote.id,
      details: { number },
    });
    return presentQuote(quote, { clientName: client.name });
  });
}

export type { ReviseQuoteInput };
