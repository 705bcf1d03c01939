import type { z } from 'zod';
import { type CreateQuoteShape, lineTotal } from '../../shared/quotes';

/** A line of the quote form, as typed: hours and euros (the API counts minutes and cents). */
export type Line = { rome: string; label: string; hours: number | string; rate: number | string };

export type QuoteFormValues = {
  clientId: string;
  lines: Line[];
  validUntil: string;
  tenderReference: string;
  siteId: string;
  startDate: string;
  endDate: string;
  tasks: string;
  protectiveEquipment: string;
  equipmentSuppliedBy: string;
  equivalentPay: number | string;
  notes: string;
};

export const in30 = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
export const emptyLine = (): Line => ({ rome: '', label: '', hours: '', rate: '' });
export const toMinutes = (h: number | string) => Math.round(Number(h) * 60);
export const toCents = (e: number | string) => Math.round(Number(e) * 100);
export const linesTotal = (lines: Line[]) =>
  lines.reduce((s, l) => s + (l.hours !== '' && l.rate !== '' ? lineTotal(toMinutes(l.hours), toCents(l.rate)) : 0), 0);

/**
 * POST /quotes's body. A field left empty is sent empty, so that the server's message stands under it (« Choisissez
 * le client. »).
 */
export function quoteBody(v: QuoteFormValues, needId: string): z.input<typeof CreateQuoteShape> {
  return {
    clientId: v.clientId || undefined,
    needId: needId || undefined,
    lines: v.lines.map((l) => ({
      rome: l.rome,
      label: l.label.trim() || undefined,
      minutes: l.hours === '' ? undefined : toMinutes(l.hours),
      hourlyRateCents: l.rate === '' ? undefined : toCents(l.rate),
    })),
    validUntil: v.validUntil,
    tenderReference: v.tenderReference || null,
    siteId: v.siteId || null,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    tasks: v.tasks || null,
    protectiveEquipment: v.protectiveEquipment || null,
    equipmentSuppliedBy: (v.equipmentSuppliedBy || null) as z.input<typeof CreateQuoteShape>['equipmentSuppliedBy'],
    equivalentPayCents: v.equivalentPay === '' ? null : toCents(v.equivalentPay),
    notes: v.notes || null,
  };
}
