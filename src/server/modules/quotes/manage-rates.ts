import { and, asc, count, eq, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import type { Page } from '../../http/pagination.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, frenchDate, parisToday } from '../calendar/paris-time.js';
import { presentRate } from './present-rate.js';
import type { RateInput } from './rate-input.js';
import { rates } from './schema.js';

const sameKey = (organisationId: string, rome: string | null, clientKind: string | null) =>
  and(
    eq(rates.organisationId, organisationId),
    rome ? eq(rates.rome, rome) : isNull(rates.rome),
    clientKind ? eq(rates.clientKind, clientKind) : isNull(rates.clientKind),
  );

/**
 * Adds a rate from a date. The rate in force for the same job and client kind is closed the day before:
 * its rows never change otherwise, so work done before keeps its price.
 */
export async function createRate({ db, actor, input }: { db: Db; actor: OrgActor; input: RateInput }) {
  const rome = input.rome ?? null;
  const clientKind = input.clientKind ?? null;
  return db.transaction(async (tx) => {
    const key = sameKey(actor.organisationId, rome, clientKind);
    const [later] = await tx
      .select()
      .from(rates)
      .where(and(key, gte(rates.effectiveFrom, input.effectiveFrom)))
      .limit(1);
    if (later) {
      throw conflict(
        'rate_overlap',
        `Un tarif pour ce métier et ce type de client commence déjà le ${frenchDate(later.effectiveFrom)} : supprimez-le ou choisissez une date d’effet postérieure.`,
      );
    }
    const closed = await tx
      .update(rates)
      .set({ effectiveTo: addDays(input.effectiveFrom, -1) })
      .where(
        and(
          key,
          lt(rates.effectiveFrom, input.effectiveFrom),
          or(isNull(rates.effectiveTo), gte(rates.effectiveTo, input.effectiveFrom)),
        ),
      )
      .returning({ id: rates.id });
    const [rate] = await tx
      .insert(rates)
      .values({
        organisationId: actor.organisationId,
        rome,
        clientKind,
        hourlyRateCents: input.hourlyRateCents,
        nightSurchargePct: input.nightSurchargePct,
        sundaySurchargePct: input.sundaySurchargePct,
        holidaySurchargePct: input.holidaySurchargePct,
        travelFeeCents: input.travelFeeCents,
        minimumBilledMinutes: input.minimumBilledMinutes,
        effectiveFrom: input.effectiveFrom,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'rate.create',
      recordType: 'rate',
      recordId: rate.id,
      details: { closed: closed.map((c) => c.id) },
    });
    return presentRate(rate);
  });
}

/** Only a rate not yet in force may be deleted (one in force may have priced work); the previous one reopens. */
export async function deleteRate({ db, actor, rateId }: { db: Db; actor: OrgActor; rateId: string }) {
  return db.transaction(async (tx) => {
    const [rate] = await tx
      .select()
      .from(rates)
      .where(and(eq(rates.id, rateId), eq(rates.organisationId, actor.organisationId)));
    if (!rate) throw notFound('Ce tarif');
    if (rate.effectiveFrom <= parisToday()) {
      throw conflict(
        'rate_in_force',
        'Ce tarif est déjà en vigueur : il a pu servir à chiffrer des heures. Créez un nouveau tarif à partir d’une date future.',
      );
    }
    await tx.delete(rates).where(eq(rates.id, rate.id));
    await tx
      .update(rates)
      .set({ effectiveTo: rate.effectiveTo })
      .where(
        and(
          sameKey(actor.organisationId, rate.rome, rate.clientKind),
          eq(rates.effectiveTo, addDays(rate.effectiveFrom, -1)),
        ),
      );
    await recordAudit({ db: tx, actor, action: 'rate.delete', recordType: 'rate', recordId: rate.id });
  });
}

export async function listRates(o: {
  db: Db;
  actor: OrgActor;
  rome?: string;
  clientKind?: string;
  /** Only the rates in force that day (default: all, history included). */
  on?: string;
  page: Page;
}) {
  const where: SQL[] = [eq(rates.organisationId, o.actor.organisationId)];
  if (o.rome) where.push(eq(rates.rome, o.rome));
  if (o.clientKind) where.push(eq(rates.clientKind, o.clientKind));
  if (o.on) {
    where.push(lt(rates.effectiveFrom, addDays(o.on, 1)));
    where.push(or(isNull(rates.effectiveTo), gte(rates.effectiveTo, o.on))!);
  }
  const cond = and(...where);
  const [rows, [{ n }]] = await Promise.all([
    o.db
      .select()
      .from(rates)
      .where(cond)
      .orderBy(asc(rates.rome), asc(rates.clientKind), asc(rates.effectiveFrom))
      .limit(o.page.limit)
      .offset(o.page.offset),
    o.db.select({ n: count() }).from(rates).where(cond),
  ]);
  return { items: rows.map(presentRate), total: n };
}
