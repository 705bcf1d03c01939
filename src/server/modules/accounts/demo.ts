import type { DemoWorld } from '../../demo/world.js';
import { invitePerson } from './invite-person.js';

/**
 * Adoption (issue 17): the first AI's director has invited a second placement officer who has not answered yet,
 * so the team page shows a pending invitation to resend or cancel. Made by the operation the page calls (its
 * email is queued and its audit entry written); the link's token is random, never computable from the seed.
 */
export async function seedAccountsDemo(world: DemoWorld) {
  const ai = world.orgs.find((o) => o.slug === 'ai-1') ?? world.orgs[0];
  const director = ai?.users.admin;
  if (!ai || !director) return;
  await invitePerson({
    db: world.db,
    actor: { userId: director, organisationId: ai.id, role: 'org_admin', clientId: null, workerId: null },
    input: {
      name: 'Inès Moreau',
      email: `ines.moreau@${ai.slug}.passerelle.test`,
      role: 'placement_officer',
      channel: 'email',
    },
    publicUrl: world.publicUrl,
  });
}
