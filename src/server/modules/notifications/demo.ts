import type { DemoWorld } from '../../demo/world.js';
import { updateOrganisationSettings } from '../settings/organisation-settings.js';
import { setContactPreferences } from './contact-preferences.js';

/**
 * Adds this concept's part of the demo world: ai-1 lets its workers clock in from their phone, and Awa Diallo
 * (the demo worker) is reached by SMS and e-mail: the shift proposed to her is in the dev SMS outbox too.
 */
export async function seedNotificationsDemo(world: DemoWorld): Promise<void> {
  const ai1 = world.orgs[0];
  if (!ai1?.users.admin) return;
  const actor = {
    userId: ai1.users.admin,
    organisationId: ai1.id,
    role: 'org_admin' as const,
    clientId: null,
    workerId: null,
  };
  await updateOrganisationSettings({ db: world.db, actor, patch: { phoneClockIn: 'on' } });
  await setContactPreferences({ db: world.db, actor, workerId: world.demoWorkerId, patch: { channel: 'both' } });
}
