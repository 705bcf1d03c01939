import { eq } from 'drizzle-orm';
import { OrganisationSettings } from '../../../shared/settings.js';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { LEGAL } from './legal-figures.js';

/** An organisation's settings, stored in organisations.settings (jsonb); DEFAULTS fill what was never set. */
export { OrganisationSettings, SettingsPatch } from '../../../shared/settings.js';

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
