/**
 * An organisation's settings and the legal figures Passerelle applies: the contract of the settings page, the
 * server's stored settings (organisations.settings, jsonb) and /api/public/legal-figures.
 */
import { z } from 'zod';
import { endpoint } from './http.js';
import { LEGAL } from './legal.js';

const OrgParams = z.object({ orgId: z.uuid() });

/** An organisation's settings; the server fills what was never set with its defaults. */
export const OrganisationSettings = z.strictObject({
  /** VAT: an AI is usually exempt (rate 0 with the legal mention). */
  vatRatePct: z.number().min(0).max(20),
  vatMention: z.string().max(200),
  /** Services à la personne declaration number, printed on tax certificates. */
  sapDeclarationNumber: z.string().max(40).nullable(),
  /** Date the SAP declaration was registered (printed with its number, servicesalapersonne.gouv.fr). */
  sapDeclarationDate: z.iso.date().nullable(),
  /** ETP granted by the State convention (caps the aide au poste). */
  conventionEtp: z.number().min(0).max(1000).nullable(),
  /** Years after an exit before a worker's identity is anonymised (RGPD). */
  retentionYears: z.number().int().min(1).max(30),
  /** Whether this AI answers its network's requests for replacements (regional pooling). */
  poolingConsent: z.boolean(),
  /** Daily maximum of work: 10 h (L3121-18), up to 12 h when a collective agreement allows it (L3121-19). */
  dailyWorkMaxMinutes: z.number().int().min(LEGAL.dailyWorkMaxMinutes).max(LEGAL.dailyWorkMaxByAgreementMinutes),
  /** Complementary hours of part-time workers: a tenth of the contract (L3123-20), a third by agreement (L3123-21). */
  complementaryHoursShare: z.enum(['tenth', 'third']),
  /** Payment terms for new clients, in days. */
  defaultPaymentTermsDays: z.number().int().min(0).max(60),
  /** IBAN printed on invoices. */
  iban: z.string().max(40).nullable(),
  /**
   * Clock-in from the worker's phone (« J'arrive » / « Je pars » on today's shift): off, on, or on with the
   * position recorded (only for workers who allow it).
   */
  phoneClockIn: z.enum(['off', 'on', 'with_position']),
  /** Individuals: the avance immédiate of the tax credit through URSSAF (needs URSSAF_API_URL too). */
  avanceImmediate: z.boolean(),
  /** Individuals: invoices paid by SEPA direct debit when the client signed a mandate. */
  sepaDirectDebit: z.boolean(),
  /** SEPA creditor identifier (ICS) printed with the mandate reference. */
  sepaCreditorId: z.string().max(35).nullable(),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

/** A partial update: only the keys sent are changed. */
export const SettingsPatch = OrganisationSettings.partial();

export const COMPLEMENTARY_HOURS_LABELS: Record<OrganisationSettings['complementaryHoursShare'], string> = {
  tenth: 'Un dixième des heures du contrat',
  third: 'Un tiers (accord collectif)',
};

export const PHONE_CLOCK_IN_LABELS: Record<OrganisationSettings['phoneClockIn'], string> = {
  off: 'Non',
  on: 'Oui, les heures seulement',
  with_position: 'Oui, avec la position (si la personne l’accepte)',
};

/** The schema of a constant value: its numbers, strings and nested objects, as /api/openapi.json documents it. */
function shapeOf(value: unknown): z.ZodType {
  if (typeof value === 'number') return z.number();
  if (typeof value === 'string') return z.string();
  if (typeof value === 'boolean') return z.boolean();
  if (Array.isArray(value)) return z.array(value.length ? shapeOf(value[0]) : z.unknown());
  if (value && typeof value === 'object') {
    return z.object(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])));
  }
  return z.null();
}

/** The figures of the law Passerelle applies (src/shared/legal.ts), each documented there with its source. */
export const LegalFiguresView = shapeOf(LEGAL) as z.ZodType<typeof LEGAL>;

export const settingsApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/settings',
    params: OrgParams,
    response: OrganisationSettings,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/settings',
    params: OrgParams,
    body: SettingsPatch,
    response: OrganisationSettings,
  }),
  legalFigures: endpoint({ method: 'GET', path: '/api/public/legal-figures', response: LegalFiguresView }),
} as const;
