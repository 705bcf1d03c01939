import { eq } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays } from '../calendar/paris-time.js';
import { economicDismissalUntil } from './rules/economic-dismissal.js';
import { clientContacts, clientExcludedWorkers, clients } from './schema.js';

const ROLES = ['Direction', 'Cadre de santé', 'Gouvernante', 'Service comptabilité', 'Responsable technique'];
const PEOPLE = [
  'Karim Benali',
  'Isabelle Roux',
  'Nathalie Faure',
  'Thomas Girard',
  'Aïcha Mansouri',
  'Pierre Lefèvre',
  'Élodie Caron',
];

/** Contacts, billing details and a few legal flags, so that the client pages tell a story. */
export async function seedClientsDemo(world: DemoWorld): Promise<void> {
  const { db, rng, today } = world;
  for (const org of world.orgs) {
    for (const [i, c] of org.clients.entries()) {
      const publicBuyer = c.kind === 'public_body' || c.kind === 'local_authority';
      await db
        .update(clients)
        .set({
          billingEmail: c.kind === 'individual' ? null : `factures.${i}@${org.slug}-clients.passerelle.test`,
          paymentTermsDays: publicBuyer ? 30 : c.kind === 'individual' ? 15 : rng.pick([30, 30, 45]),
          chorusCommitmentNumber: publicBuyer ? `EJ-${today.slice(0, 4)}-${rng.digits(5)}` : null,
        })
        .where(eq(clients.id, c.id));
      if (c.kind !== 'individual' && (org.slug === 'ai-1' || org.slug === 'ai-2' || i === 0)) {
        const n = c.id === world.demoClientId ? 3 : rng.int(1, 2);
        for (let k = 0; k < n; k++) {
          const name = PEOPLE[(i + k) % PEOPLE.length];
          await db.insert(clientContacts).values({
            id: rng.uuid(),
            organisationId: org.id,
            clientId: c.id,
            name,
            role: ROLES[(i + k) % ROLES.length],
            email: `${name
              .split(' ')[0]
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')
              .toLowerCase()}.${k}@${org.slug}-clients.passerelle.test`,
            phone: `01 ${rng.int(40, 69)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
          });
        }
      }
    }
    // Something going wrong at ai-1: a company made an economic dismissal two months ago (L5132-7).
    const company = org.clients.find((c) => c.kind === 'company');
    if (company && org.slug === 'ai-1') {
      const on = addDays(today, -60);
      await db
        .update(clients)
        .set({
          economicDismissalOn: on,
          economicDismissalUntil: economicDismissalUntil(on),
          notes:
            'Licenciement économique sur un poste de préparateur de commandes : pas de nouveau contrat avant la fin du délai.',
        })
        .where(eq(clients.id, company.id));
    }
  }
  // The demo care home asked not to receive one worker again.
  const ai1 = world.orgs[0];
  const excluded = ai1.workers[ai1.workers.length - 1];
  if (excluded) {
    await db.insert(clientExcludedWorkers).values({
      organisationId: ai1.id,
      clientId: world.demoClientId,
      workerId: excluded.id,
      reason: 'Retards répétés signalés par la cadre de santé',
    });
  }
}
