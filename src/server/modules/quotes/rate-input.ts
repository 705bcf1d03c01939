import { z } from 'zod';
import { isoDay } from '../../http/validation.js';
import { CLIENT_KINDS } from '../clients/queries.js';

const pct = (what: string) =>
  z
    .number(`La majoration ${what} est un pourcentage.`)
    .int(`La majoration ${what} est un pourcentage entier.`)
    .min(0, `La majoration ${what} ne peut pas être négative.`)
    .max(200, `Une majoration ${what} au-delà de 200 % semble une erreur de saisie.`);

export const RateBody = z.strictObject({
  rome: z
    .string()
    .regex(/^[A-N]\d{4}$/, 'Code métier ROME invalide (ex. K2204).')
    .nullable()
    .optional(),
  clientKind: z.enum(CLIENT_KINDS, 'Type de client inconnu.').nullable().optional(),
  hourlyRateCents: z
    .number('Indiquez le taux horaire.')
    .int('Le taux horaire s’exprime en centimes entiers.')
    .min(1, 'Le taux horaire doit être positif.')
    .max(100_000, 'Un taux horaire au-delà de 1 000 € semble une erreur de saisie.'),
  nightSurchargePct: pct('de nuit').default(0),
  sundaySurchargePct: pct('du dimanche').default(0),
  holidaySurchargePct: pct('des jours fériés').default(0),
  travelFeeCents: z
    .number()
    .int('Les frais de déplacement s’expriment en centimes entiers.')
    .min(0, 'Les frais de déplacement ne peuvent pas être négatifs.')
    .max(100_000, 'Des frais de déplacement au-delà de 1 000 € semblent une erreur de saisie.')
    .default(0),
  minimumBilledMinutes: z
    .number()
    .int('La durée minimale s’exprime en minutes entières.')
    .min(0, 'La durée minimale ne peut pas être négative.')
    .max(720, 'Une durée minimale facturée au-delà de 12 h semble une erreur de saisie.')
    .default(0),
  effectiveFrom: isoDay({ label: 'La date d’effet' }),
});
export type RateInput = z.infer<typeof RateBody>;

export { RateView } from '../../../shared/quotes.js';
