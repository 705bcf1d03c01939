import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import type { OrganisationSettings } from './organisation-settings.js';

export type SetOrganisationSettingOptions<K extends keyof OrganisationSettings> = {
  db: Db;
  organisationId: string;
  key: K;
  value: OrganisationSettings[K];
};

/**
 * Sets one key of an organisation's settings, leaving the others as stored (jsonb_set: no read-modify-write, so
 * two modules changing two different keys at once do not overwrite each other). The caller records its audit event.
 */
export async function setOrganisationSetting<K extends keyof OrganisationSettings>({
  db,
  organisationId,
  key,
  value,
}: SetOrganisationSettingOptions<K>) {
  await db
    .update(organisations)
    .set({
      settings: sql`jsonb_set(coalesce(${organisations.settings}, '{}'::jsonb), ${`{${key}}`}::text[], ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(organisations.id, organisationId));
}
