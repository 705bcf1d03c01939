import { and, eq, gt, sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { shifts } from '../planning/schema.js';
import { minutesWorked } from './minutes-worked.js';
import { PATHWAY_TEMPLATES } from './pathway-templates.js';
import {
  type BarrierCategory,
  barriers,
  EXIT_CATEGORIES,
  type ExitCategory,
  immersions,
  pathwaySteps,
  pathways,
  supportActions,
  supportInterviews,
  trainings,
  workerExits,
} from './schema.js';

const BARRIER_STORIES: { category: BarrierCategory; details: string; action?: [string, string] }[] = [
  {
    category: 'mobility',
    details: 'Pas de permis, dépend des bus de nuit pour les postes du matin.',
    action: ['Inscription à l’auto-école sociale', 'Auto-école solidaire du Val-de-Marne'],
  },
  {
    category: 'housing',
    details: 'Hébergé·e chez un proche, demande de logement social en cours.',
    action: ['Dossier SIAO et demande DALO', 'SIAO 94'],
  },
  {
    category: 'health',
    details: 'Douleurs lombaires : éviter le port de charges lourdes.',
    action: ['Rendez-vous médecine du travail', 'Service de santé au travail'],
  },
  {
    category: 'childcare_family',
    details: 'Deux enfants en bas âge, pas de mode de garde le mercredi.',
    action: ['Demande de place en crèche à vocation d’insertion', 'CCAS'],
  },
  {
    category: 'french_literacy',
    details: 'Lecture difficile des consignes écrites.',
    action: ['Atelier sociolinguistique deux matinées par semaine', 'Centre social'],
  },
  {
    category: 'debt_finances',
    details: 'Dossier de surendettement déposé.',
    action: ['Accompagnement budgétaire', 'Point conseil budget'],
  },
  {
    category: 'digital',
    details: 'Pas d’adresse e-mail, smartphone partagé.',
    action: ['Atelier numérique', 'Espace public numérique'],
  },
  {
    category: 'administrative_rights',
    details: 'Titre de séjour à renouveler dans 3 mois.',
    action: ['Prise de rendez-vous en préfecture', 'Association d’accès aux droits'],
  },
  { category: 'justice', details: 'Suivi SPIP, obligation de pointage mensuel.' },
  { category: 'availability', details: 'Disponible uniquement en matinée (aidant familial).' },
];
const NOTES = [
  'Entretien d’accueil : présentation de l’association, du contrat et des missions possibles. Projet : travailler en EHPAD.',
  'Point d’étape : retours positifs de l’EHPAD sur la ponctualité. Souhaite plus d’heures.',
  'Point sur les freins : démarches logement avancées, reste la garde des enfants le mercredi.',
  'Bilan à 6 mois : confiance retrouvée, envisage une formation qualifiante d’aide-soignant·e.',
  'Entretien après une absence : difficultés de transport, solution de covoiturage trouvée avec une collègue.',
];
const EXIT_REASONS: Record<ExitCategory, string[]> = {
  durable: [
    'CDI agent de service hospitalier à l’EHPAD',
    'CDD de 8 mois en collectivité',
    'Création d’une micro-entreprise de repassage',
  ],
  transition: ['CDD de 3 mois en restauration collective', 'Mission d’intérim de 2 mois en logistique'],
  positive: ['Entrée en formation d’aide-soignant·e (IFAS)', 'Embauche dans un atelier et chantier d’insertion'],
  other: ['Fin de contrat sans solution identifiée', 'Sans nouvelles depuis deux mois'],
  withdrawn: ['Déménagement en province', 'Congé maternité puis arrêt du parcours'],
};

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The support part of the story: support files with barriers (some lifted), interviews, actions with partners,
 * PMSMP immersions, trainings, a few "Parcours EHPAD" in progress, and exits of every ASP category.
 */
export async function seedSupportDemo(world: DemoWorld): Promise<void> {
  const { db, rng, today } = world;
  for (const [oi, org] of world.orgs.slice(0, 2).entries()) {
    const author = org.users.support ?? org.users.admin ?? null;
    const followed = org.workers.filter((_, i) => i % 5 !== 3);
    for (const [i, w] of followed.entries()) {
      const hired = addDays(today, -rng.int(60, 600));
      const count = w.id === world.demoWorkerId ? 2 : rng.int(1, 4);
      for (let n = 0; n < count; n++) {
        await db.insert(supportInterviews).values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          heldOn:
            addDays(hired, n * rng.int(30, 70)) > today ? addDays(today, -n) : addDays(hired, n * rng.int(30, 70)),
          kind: n === 0 ? 'reception' : 'follow_up',
          notes: NOTES[(i + n) % NOTES.length],
          authorUserId: author,
        });
      }
      const stories = rng.shuffle(BARRIER_STORIES).slice(0, rng.int(0, 3));
      for (const story of stories) {
        const status = rng.pick(['identified', 'in_progress', 'in_progress', 'lifted'] as const);
        const identifiedOn = addDays(hired, rng.int(0, 20));
        const [b] = await db
          .insert(barriers)
          .values({
            id: rng.uuid(),
            organisationId: org.id,
            workerId: w.id,
            category: story.category,
            intensity: rng.int(1, 3),
            status,
            details: story.details,
            identifiedOn,
            liftedOn: status === 'lifted' ? earlier(addDays(identifiedOn, 60), today) : null,
          })
          .returning();
        if (story.action) {
          await db.insert(supportActions).values({
            id: rng.uuid(),
            organisationId: org.id,
            workerId: w.id,
            barrierId: b.id,
            label: story.action[0],
            partner: story.action[1],
            dueOn: addDays(today, rng.int(-30, 45)),
            status: status === 'lifted' ? 'done' : 'planned',
          });
        }
      }
      if (i % 6 === 1) {
        const start = addDays(today, -rng.int(10, 200));
        await db.insert(immersions).values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          host: rng.pick(org.clients.filter((c) => c.kind === 'care_home')).name,
          startDate: start,
          endDate: addDays(start, 11),
          objective: 'Découvrir le métier d’agent de service hospitalier et valider le projet',
          outcome:
            addDays(start, 11) < today
              ? rng.pick([
                  'Projet confirmé, très bon contact avec les résidents.',
                  'Métier découvert, projet réorienté vers la restauration collective.',
                ])
              : null,
        });
      }
      if (i % 8 === 2) {
        const start = addDays(today, rng.int(-120, 30));
        await db.insert(trainings).values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          title: rng.pick([
            'Gestes et postures',
            'Hygiène en milieu hospitalier (bionettoyage)',
            'Sauveteur secouriste du travail',
            'Français à visée professionnelle',
          ]),
          provider: rng.pick(['GRETA Val-de-Marne', 'Croix-Rouge compétence', 'Centre de formation Uniformation']),
          startDate: start,
          endDate: addDays(start, rng.int(3, 20)),
          status: start > today ? 'planned' : addDays(start, 20) < today ? 'completed' : 'in_progress',
        });
      }
    }
    // "Parcours EHPAD" in progress for a few care workers (the demo worker included at ai-1).
    const ehpad = PATHWAY_TEMPLATES[0];
    const candidates = org.workers
      .filter((w) => w.jobs.some((j) => ['J1301', 'K2204', 'G1605'].includes(j)))
      .slice(0, oi === 0 ? 5 : 3);
    for (const [k, w] of candidates.entries()) {
      const startedOn = addDays(today, -rng.int(60, 300));
      const [p] = await db
        .insert(pathways)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          template: ehpad.key,
          title: ehpad.title,
          startedOn,
        })
        .returning();
      const reached = (k % 4) + 1; // steps done before the current one
      for (const [pos, step] of ehpad.steps.entries()) {
        await db.insert(pathwaySteps).values({
          id: rng.uuid(),
          organisationId: org.id,
          pathwayId: p.id,
          position: pos + 1,
          kind: step.kind,
          label: step.label,
          status: pos < reached ? 'done' : pos === reached ? 'in_progress' : 'todo',
          doneOn: pos < reached ? earlier(addDays(startedOn, 30 * (pos + 1)), today) : null,
        });
      }
    }
    // Exits of every category, for workers without shifts after their exit date.
    const pathwayIds = new Set(candidates.map((c) => c.id));
    const pool = org.workers
      .filter((w) => w.id !== world.demoWorkerId && !w.regular && !pathwayIds.has(w.id))
      .reverse();
    const perCategory = oi === 0 ? 2 : 1;
    let taken = 0;
    for (const category of EXIT_CATEGORIES) {
      for (let n = 0; n < perCategory; n++) {
        while (taken < pool.length) {
          const w = pool[taken++];
          const date = addDays(today, -rng.int(3, 80));
          const [{ later }] = await db
            .select({ later: sql<number>`count(*)::int` })
            .from(shifts)
            .where(
              and(
                eq(shifts.workerId, w.id),
                eq(shifts.status, 'assigned'),
                gt(shifts.endAt, parisInstant(date, '23:59')),
              ),
            );
          if (later > 0) continue;
          await db.insert(workerExits).values({
            id: rng.uuid(),
            organisationId: org.id,
            workerId: w.id,
            exitDate: date,
            category,
            reason: rng.pick(EXIT_REASONS[category]),
            // Most exits come after months of work recorded before Passerelle (history imported with the worker).
            minutesWorked: rng.chance(0.8)
              ? rng.int(160, 900) * 60
              : await minutesWorked(db, w.id, parisInstant(date, '23:59')),
            // Half of the durable exits are hires by a client (the care home keeps the person it knows).
            hiredByClientId:
              category === 'durable' && rng.chance(0.5)
                ? (org.clients.find((c) => c.kind === 'care_home')?.id ?? null)
                : null,
            createdBy: author,
          });
          break;
        }
      }
    }
  }
}
