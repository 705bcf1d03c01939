import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { addDays, daysBetween, parisToday } from '../calendar/paris-time.js';
import { findClient } from '../clients/find-client.js';
import { getNeed } from '../needs/get-need.js';
import { splitQuoteHours } from '../pricing/rules/quote-hours.js';
import { findRate } from './find-rate.js';
import { romeLabel } from './rome-jobs.js';

const KIND_LABEL = { night: 'heures de nuit', sunday: 'heures du dimanche', holiday: 'heures de jour férié' } as const;

export type DraftQuoteFromNeedOptions = { db: Db; actor: OrgActor; needId: string };

/**
 * The lines a quote for this need would have, from its HR diagnostic (or, before the diagnostic, the jobs
 * the establishment stated): minutes = weekly minutes × headcount × weeks (4 when the need has no end),
 * at the rate in force on the start date, split into normal, night, Sunday and public-holiday lines with the
 * organisation's surcharges (pricing/rules/quote-hours.ts). Nothing is saved: the officer reviews it, then POST /quotes.
 */
export async function draftQuoteFromNeed({ db, actor, needId }: DraftQuoteFromNeedOptions) {
  const need = await getNeed({ db, actor, needId });
  const client = need.clientId ? await findClient(db, actor, need.clientId) : null;
  const kind = client?.kind ?? need.establishment.kind;
  const d = need.diagnostic;
  const startDate = d?.startDate ?? need.jobs[0]?.startDate ?? parisToday();
  const endDate = d?.endDate ?? need.jobs.find((j) => j.endDate)?.endDate ?? null;
  const weeks = endDate ? Math.max(1, Math.ceil((daysBetween(startDate, endDate) + 1) / 7)) : 4;
  // Nights and weekends as the establishment stated them; the schedule from the diagnostic when written.
  const stated = (rome: string) => need.jobs.find((j) => j.rome === rome);
  const jobs = d?.jobs.length
    ? d.jobs.map((j) => ({
        rome: j.rome,
        headcount: j.headcount,
        minutesPerWeek: j.minutesPerWeek ?? 0,
        schedule: j.schedule || stated(j.rome)?.schedule || null,
        nights: stated(j.rome)?.nights ?? false,
        weekends: stated(j.rome)?.weekends ?? false,
      }))
    : need.jobs.map((j) => ({
        rome: j.rome,
        headcount: j.headcount,
        minutesPerWeek: Math.round((j.hoursPerWeek ?? 0) * 60),
        schedule: j.schedule,
        nights: j.nights,
        weekends: j.weekends,
      }));
  const lines = [];
  for (const j of jobs) {
    const rate = await findRate({
      db,
      organisationId: actor.organisationId,
      rome: j.rome,
      clientKind: kind,
      on: startDate,
    });
    const minutes = Math.max(60, j.minutesPerWeek * Math.max(1, j.headcount) * weeks);
    const label = romeLabel(j.rome) ?? j.rome;
    if (!rate) {
      lines.push({ rome: j.rome, label, minutes, hourlyRateCents: null });
      continue;
    }
    // One line per kind of hour, each at the rate with its surcharge (as the invoice will bill them).
    // A kind without surcharge in this rate card is billed as normal hours: one line with them.
    const parts = splitQuoteHours({ ...j, minutes, startDate, endDate }, rate);
    const plain = parts.filter((p) => p.surchargePct === 0).reduce((sum, p) => sum + p.minutes, 0);
    const merged = [
      ...(plain ? [{ kind: 'normal' as const, minutes: plain, surchargePct: 0 }] : []),
      ...parts.filter((p) => p.surchargePct !== 0),
    ];
    for (const part of merged) {
      lines.push({
        rome: j.rome,
        label: part.kind === 'normal' ? label : `${label} — ${KIND_LABEL[part.kind]} (+${part.surchargePct} %)`,
        minutes: part.minutes,
        hourlyRateCents: Math.round((rate.hourlyRateCents * (100 + part.surchargePct)) / 100),
      });
    }
  }
  return {
    needId: need.id,
    reference: need.reference,
    clientId: client?.id ?? null,
    establishmentName: need.establishment.name,
    lines,
    validUntil: addDays(parisToday(), 30),
    startDate,
    endDate,
    tasks:
      d?.jobs.map((j) => `${romeLabel(j.rome) ?? j.rome}${j.schedule ? ` (${j.schedule})` : ''}`).join(' ; ') ||
      need.description.slice(0, 500),
    protectiveEquipment: d?.protectiveEquipment || null,
    equipmentSuppliedBy: d?.equipmentSuppliedBy ?? null,
    notes: d?.notes || null,
  };
}
