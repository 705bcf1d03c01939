import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { organisations } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { LEGAL } from './legal-figures.js';

/** An organisation's settings, stored in organisations.settings (jsonb); DEFAULTS fill what was never set. */
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

export const DEFAULTS: OrganisationSettings = {
  vatRatePct: 0,
  vatMention: LEGAL.defaultVatMention,
  sapDeclarationNumber: null,
  sapDeclarationDate: null,
  conventionEtp: null,
  retentionYears: 5,
  poolingConsent: false,
  dailyWorkMaxMinutes: LEGAL.dailyWorkMaxMinutes,
  complementaryHoursShare: 'tenth',
  defaultPaymentTermsDays: 30,
  iban: null,
  phoneClockIn: 'off',
  avanceImmediate: false,
  sepaDirectDebit: false,
  sepaCreditorId: null,
};

/** A partial update: only the keys sent are changed. */
export const SettingsPatch = OrganisationSettings.partial();

/** Stored values over defaults; unknown or invalid stored keys fall back to their default. */
export function withDefaults(stored: unknown): OrganisationSettings {
  const out: Record<string, unknown> = { ...DEFAULTS };
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = OrganisationSettings.shape[key as keyof OrganisationSettings];
      if (field?.safeParse(value).success) out[key] = value;
    }
  }
  return out as OrganisationSettings;
}

export async function readOrganisationSettings({ db, organisationId }: { db: Db; organisationId: string }) {
  const [row] = await db
    .select({ settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw notFound('Cette structure');
  return withDefaults(row.settings);
}

export type UpdateOrganisationSettingsOptions = {
  db: Db;
  actor: { userId: string; organisationId: string };
  patch: Partial<OrganisationSettings>;
};

export async function updateOrganisationSettings({ db, actor, patch }: UpdateOrganisationSettingsOptions) {
  return db.transaction(async (tx) => {
    const current = await readOrganisationSettings({ db: tx, organisationId: actor.organisationId });
    const next = { ...current, ...patch };
    await tx
      .update(organisations)
      .set({ settings: next, updatedAt: new Date() })
      .where(eq(organisations.id, actor.organisationId));
    await recordAudit({
      db: tx,
      actor,
      action: 'settings.update',
      recordType: 'organisation',
      recordId: actor.organisationId,
      details: patch,
    });
    return next;
  });
}
