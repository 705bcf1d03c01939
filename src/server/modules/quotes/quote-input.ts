import { z } from 'zod';
import { EQUIPMENT_SUPPLIERS } from '../../../shared/equipment.js';
import { dates, isoDay, MAX_TOTAL_CENTS } from '../../http/validation.js';

export const QuoteLineInput = z.strictObject({
  rome: z.string().regex(/^[A-N]\d{4}$/, 'Code métier ROME invalide (ex. K2204).'),
  label: z.string().trim().min(1).max(300).optional(),
  minutes: z
    .number('Indiquez une durée en minutes.')
    .int('La durée s’exprime en minutes entières.')
    .min(1, 'La durée doit être positive.')
    .max(200_000, 'Une durée au-delà de 3 300 heures sur un devis semble une erreur de saisie.'),
  hourlyRateCents: z
    .number('Indiquez le taux horaire.')
    .int('Le taux horaire s’exprime en centimes entiers.')
    .min(1, 'Le taux horaire doit être positif.')
    .max(100_000, 'Un taux horaire au-delà de 1 000 € semble une erreur de saisie.'),
});

const quoteTerms = {
  lines: z
    .array(QuoteLineInput)
    .min(1, 'Ajoutez au moins une ligne.')
    .max(100, '100 lignes au plus.')
    // Totals are stored in integer columns: a quote above 10 M€ is a typing error, and would overflow with taxes.
    .refine((lines) => lines.reduce((sum, l) => sum + (l.minutes * l.hourlyRateCents) / 60, 0) <= MAX_TOTAL_CENTS, {
      error: `Le total du devis dépasse ${MAX_TOTAL_CENTS / 100_000_000} millions d’euros : vérifiez les durées et les taux.`,
    }),
  validUntil: isoDay({ label: 'La date de validité' }),
  tenderReference: z.string().trim().max(200).nullable().optional(),
  siteId: z.uuid('Lieu d’intervention invalide.').nullable().optional(),
  startDate: dates.work('La date de début').nullable().optional(),
  endDate: dates.work('La date de fin').nullable().optional(),
  tasks: z.string().trim().max(2000).nullable().optional(),
  protectiveEquipment: z.string().trim().max(500).nullable().optional(),
  equipmentSuppliedBy: z
    .enum(EQUIPMENT_SUPPLIERS, 'Indiquez qui fournit les équipements (client ou association).')
    .nullable()
    .optional(),
  equivalentPayCents: z
    .number()
    .int('En centimes entiers.')
    .min(1, 'La rémunération équivalente doit être positive.')
    .max(20_000, 'Un salaire horaire au-delà de 200 € semble une erreur de saisie.')
    .nullable()
    .optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
};

/** POST /quotes: API.md's fields ({clientId, needId?, lines, validUntil}) plus the optional contract terms. */
export const CreateQuoteBody = z.strictObject({
  clientId: z.uuid('Choisissez le client.'),
  needId: z.uuid().nullable().optional(),
  ...quoteTerms,
});
export type CreateQuoteInput = z.infer<typeof CreateQuoteBody>;

/** POST /quotes/:id/revise: a new version of the quote, the old one kept as history. */
export const ReviseQuoteBody = z.strictObject({
  ...quoteTerms,
  lines: quoteTerms.lines.optional(),
  validUntil: quoteTerms.validUntil.optional(),
});
export type ReviseQuoteInput = z.infer<typeof ReviseQuoteBody>;

export { QuoteDetailView as QuoteDetail, QuoteLineView, QuoteView } from '../../../shared/quotes.js';
