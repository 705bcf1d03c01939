import { eq } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays } from '../calendar/paris-time.js';
import { economicDismissalUntil } from './rules/economic-dismissal.js';
import { PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import { type ClientKind, clientContacts, clientExcludedWorkers, clients } from './schema.js';

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

/** The legal form a client of the demo world would have in the SIRENE directory. */
function demoLegalForm(kind: ClientKind, name: string, i: number): string {
  switch (kind) {
    case 'individual':
      return PRIVATE_INDIVIDUAL;
    case 'association':
    case 'medico_social':
      return '9220';
    case 'local_authority':
      return '7210';
    case 'company':
      return name.endsWith('SARL') ? '5499' : '5710';
    case 'social_landlord':
      // Offices publics de l'habitat are EPIC (they count); Habitat Social Francilien is an SA d'HLM (counts too).
      return name.startsWith('Habitat Social') ? '5546' : '7371';
    case 'care_home':
      // One care home in three is run by a commercial company (SAS), the others by associations.
      return i % 3 === 2 ? '5710' : '9220';
    case 'public_body':
      return '7364';
  }
}

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
    // Legal forms (INSEE catégories juridiques): they decide who counts for the 480 h cap (L5132-9). One client
    // of ai-1 was never completed: the planning shows it until an officer chooses its legal form.
    const unknownId =
      org.slug === 'ai-1'
        ? (org.clients.find((c) => c.kind === 'social_landlord') ?? org.clients.find((c) => c.kind === 'company'))?.id
        : undefined;
    for (const [i, c] of org.clients.entries()) {
      if (c.id === unknownId) continue;
      await db
        .update(clients)
        .set({ legalForm: demoLegalForm(c.kind, c.name, i) })
        .where(eq(clients.id, c.id));
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
