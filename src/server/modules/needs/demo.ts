import crypto from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { type ClientKind, clients } from '../clients/schema.js';
import { findCommune, firstPostalCode } from '../geo/communes.js';
import { findRoutingCandidates } from './route-need.js';
import { claimDeadline } from './rules/claim-deadline.js';
import { type NeedDiagnostic, type NeedStatus, needJobs, needRoutes, needs } from './schema.js';
import { needReference } from './submit-need.js';

type DemoNeed = {
  name: string;
  kind: ClientKind;
  commune: string;
  urgency: 'urgent' | 'structural';
  status: NeedStatus;
  /** Days before the demo's today, and Paris time of submission. */
  daysAgo: number;
  at: string;
  jobs: [rome: string, headcount: number, hoursPerWeek: number | null][];
  description: string;
  nights?: boolean;
  weekends?: boolean;
  carePathway?: boolean;
  /** Routes that said no (ranks, 1-based), with their reason. */
  declined?: [number, string][];
};

const ASH = 'J1301';
const CLEAN = 'K2204';

/**
 * ~30 needs in every status (PRODUCT.md journey step 1), most around ai-1 (Val-de-Marne) and ai-2 (Seine-Saint-Denis).
 * The story: two urgent needs from yesterday nobody claimed (overdue, in red in the console), one structural
 * need every AI declined, two needs no AI covers, and ai-1's inbox with fresh needs to claim.
 */
const NEEDS: DemoNeed[] = [
  // New (routed, within their deadline)
  {
    name: 'EHPAD Les Magnolias',
    kind: 'care_home',
    commune: '94068',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 0,
    at: '07:40',
    jobs: [[ASH, 2, 35]],
    description:
      'Deux agents de service hospitalier pour renforcer l’équipe du matin, dès que possible et pour plusieurs mois.',
  },
  {
    name: 'Résidence Autonomie Les Bords de Marne',
    kind: 'medico_social',
    commune: '94017',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 1,
    at: '10:15',
    jobs: [
      ['G1605', 1, 20],
      ['G1607', 1, 24],
    ],
    description: 'Plonge et service en salle pour la restauration collective, du lundi au vendredi midi.',
  },
  {
    name: 'Mairie de Maisons-Alfort',
    kind: 'local_authority',
    commune: '94046',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 1,
    at: '14:30',
    jobs: [[CLEAN, 3, 20]],
    description: 'Entretien des écoles pendant les vacances scolaires.',
  },
  {
    name: 'EHPAD Villa Médicis',
    kind: 'care_home',
    commune: '94041',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 0,
    at: '08:05',
    jobs: [['K2201', 1, 28]],
    description: 'Une lingère pour le traitement du linge des résidents.',
    carePathway: true,
  },
  {
    name: 'Foyer d’hébergement Les Sources',
    kind: 'medico_social',
    commune: '93048',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 1,
    at: '09:20',
    jobs: [['K2501', 1, 35]],
    description: 'Veilleur de nuit, 4 nuits par semaine.',
    nights: true,
  },
  {
    name: 'Association Les Restos du Quartier',
    kind: 'association',
    commune: '93001',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 0,
    at: '07:10',
    jobs: [[CLEAN, 2, 15]],
    description: 'Nettoyage des locaux après les distributions du mardi et du jeudi.',
  },
  {
    name: 'Centre social Jean Moulin',
    kind: 'association',
    commune: '94081',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 1,
    at: '16:45',
    jobs: [['M1601', 1, 20]],
    description: 'Agent d’accueil l’après-midi.',
  },
  // Overdue: urgent needs from yesterday, a structural one from last week every AI declined
  {
    name: 'EHPAD Le Bois Joli',
    kind: 'care_home',
    commune: '94028',
    urgency: 'urgent',
    status: 'routed',
    daysAgo: 1,
    at: '08:30',
    jobs: [[ASH, 2, 35]],
    description: 'Deux agents de service, nuits et week-ends, à partir de lundi : deux arrêts maladie dans l’équipe.',
    nights: true,
    weekends: true,
  },
  {
    name: 'EHPAD Les Peupliers',
    kind: 'care_home',
    commune: '93008',
    urgency: 'urgent',
    status: 'routed',
    daysAgo: 1,
    at: '11:00',
    jobs: [
      [CLEAN, 1, 30],
      ['G1605', 1, 20],
    ],
    description: 'Renfort en cuisine et entretien pour la semaine prochaine.',
    weekends: true,
  },
  {
    name: 'Maison d’accueil spécialisée La Colline',
    kind: 'medico_social',
    commune: '94076',
    urgency: 'structural',
    status: 'routed',
    daysAgo: 8,
    at: '10:00',
    jobs: [['K2501', 1, 35]],
    description: 'Surveillance de nuit, contrat de six mois.',
    nights: true,
    declined: [
      [1, 'Aucun veilleur de nuit disponible en ce moment'],
      [2, 'Hors de nos créneaux habituels'],
    ],
  },
  // Unrouted: nobody offers nurses near Meaux; nobody covers the Oise
  {
    name: 'EHPAD Les Acacias',
    kind: 'care_home',
    commune: '77284',
    urgency: 'structural',
    status: 'unrouted',
    daysAgo: 2,
    at: '09:00',
    jobs: [['J1506', 1, 35]],
    description: 'Parcours vers le métier d’infirmier pour une personne motivée.',
    carePathway: true,
  },
  {
    name: 'Clinique du Beauvaisis',
    kind: 'company',
    commune: '60057',
    urgency: 'urgent',
    status: 'unrouted',
    daysAgo: 0,
    at: '06:50',
    jobs: [[CLEAN, 2, 35]],
    description: 'Bio-nettoyage du bloc opératoire.',
  },
  // Claimed
  {
    name: 'EHPAD Les Tilleuls',
    kind: 'care_home',
    commune: '94028',
    urgency: 'urgent',
    status: 'claimed',
    daysAgo: 0,
    at: '06:30',
    jobs: [[ASH, 2, 35]],
    description: 'Deux ASH de nuit à partir de lundi.',
    nights: true,
  },
  {
    name: 'EHPAD Résidence du Parc',
    kind: 'care_home',
    commune: '94033',
    urgency: 'structural',
    status: 'claimed',
    daysAgo: 3,
    at: '11:20',
    jobs: [[CLEAN, 2, 24]],
    description: 'Entretien des parties communes.',
  },
  {
    name: 'IME Les Coquelicots',
    kind: 'medico_social',
    commune: '93066',
    urgency: 'structural',
    status: 'claimed',
    daysAgo: 2,
    at: '15:00',
    jobs: [['G1607', 1, 20]],
    description: 'Service des repas le midi.',
  },
  {
    name: 'Paris Habitat (agence Nation)',
    kind: 'social_landlord',
    commune: '75056',
    urgency: 'structural',
    status: 'claimed',
    daysAgo: 4,
    at: '10:10',
    jobs: [[CLEAN, 2, 15]],
    description: 'Entretien des halls d’immeubles.',
  },
  {
    name: 'Mme Josiane Lefèvre',
    kind: 'individual',
    commune: '94068',
    urgency: 'structural',
    status: 'claimed',
    daysAgo: 5,
    at: '18:40',
    jobs: [['K1304', 1, 4]],
    description: 'Aide au ménage deux matinées par semaine.',
  },
  // In diagnostic
  {
    name: 'EHPAD La Roseraie',
    kind: 'care_home',
    commune: '94081',
    urgency: 'structural',
    status: 'in_diagnostic',
    daysAgo: 9,
    at: '09:45',
    jobs: [
      [ASH, 3, 35],
      ['K2201', 1, 24],
    ],
    description: 'Recrutements durables pour l’équipe hôtelière, avec un parcours vers aide-soignant.',
    carePathway: true,
  },
  {
    name: 'Foyer d’accueil médicalisé Les Ormes',
    kind: 'medico_social',
    commune: '94017',
    urgency: 'urgent',
    status: 'in_diagnostic',
    daysAgo: 6,
    at: '07:30',
    jobs: [[CLEAN, 1, 30]],
    description: 'Remplacement d’un agent d’entretien en congé maternité.',
  },
  {
    name: 'EHPAD Saint-Joseph',
    kind: 'care_home',
    commune: '93048',
    urgency: 'structural',
    status: 'in_diagnostic',
    daysAgo: 12,
    at: '14:00',
    jobs: [['G1605', 1, 20]],
    description: 'Plonge le midi et le soir.',
  },
  {
    name: 'Mairie de Vitry-sur-Seine',
    kind: 'local_authority',
    commune: '94081',
    urgency: 'structural',
    status: 'in_diagnostic',
    daysAgo: 15,
    at: '10:30',
    jobs: [[CLEAN, 2, 35]],
    description: 'Entretien des gymnases municipaux.',
  },
  // Quoted
  {
    name: 'EHPAD Les Jardins de Marianne',
    kind: 'care_home',
    commune: '94046',
    urgency: 'structural',
    status: 'quoted',
    daysAgo: 18,
    at: '09:00',
    jobs: [[ASH, 2, 35]],
    description: 'Deux ASH en journée, contrat de six mois.',
  },
  {
    name: 'EHPAD Les Glycines',
    kind: 'care_home',
    commune: '93001',
    urgency: 'structural',
    status: 'quoted',
    daysAgo: 20,
    at: '11:30',
    jobs: [
      [CLEAN, 1, 24],
      ['K2201', 1, 20],
    ],
    description: 'Entretien et lingerie.',
  },
  {
    name: 'Logistique Francilienne SAS',
    kind: 'company',
    commune: '94041',
    urgency: 'urgent',
    status: 'quoted',
    daysAgo: 11,
    at: '08:00',
    jobs: [[CLEAN, 3, 35]],
    description: 'Nettoyage de l’entrepôt pendant le pic de fin d’année.',
  },
  // Won
  {
    name: 'EHPAD Le Clos Fleuri',
    kind: 'care_home',
    commune: '94028',
    urgency: 'urgent',
    status: 'won',
    daysAgo: 30,
    at: '07:15',
    jobs: [[ASH, 2, 35]],
    description: 'Renfort d’été pour l’équipe hôtelière.',
  },
  {
    name: 'EHPAD Résidence Arc-en-Ciel',
    kind: 'care_home',
    commune: '93066',
    urgency: 'structural',
    status: 'won',
    daysAgo: 45,
    at: '10:00',
    jobs: [['G1607', 2, 24]],
    description: 'Service des repas, contrat d’un an.',
  },
  {
    name: 'Centre Hospitalier Intercommunal de Créteil',
    kind: 'public_body',
    commune: '94028',
    urgency: 'structural',
    status: 'won',
    daysAgo: 40,
    at: '14:20',
    jobs: [['M1602', 1, 35]],
    description: 'Agent administratif pour le service des admissions.',
  },
  // Lost
  {
    name: 'EHPAD Les Hortensias',
    kind: 'care_home',
    commune: '94033',
    urgency: 'structural',
    status: 'lost',
    daysAgo: 35,
    at: '09:30',
    jobs: [[CLEAN, 1, 20]],
    description: 'Entretien des bureaux administratifs.',
  },
  {
    name: 'Clean Pro Services SARL',
    kind: 'company',
    commune: '93008',
    urgency: 'urgent',
    status: 'lost',
    daysAgo: 25,
    at: '16:00',
    jobs: [[CLEAN, 4, 35]],
    description: 'Nettoyage de fin de chantier.',
  },
  {
    name: 'EHPAD La Source',
    kind: 'care_home',
    commune: '92050',
    urgency: 'structural',
    status: 'lost',
    daysAgo: 28,
    at: '10:45',
    jobs: [[ASH, 1, 35]],
    description: 'Agent de service hospitalier de jour.',
  },
];

const CONTACTS = [
  'Claire Dubois',
  'Marc Lefebvre',
  'Nadia Benali',
  'Sophie Martin',
  'Jean-Pierre Moreau',
  'Fatima Haddad',
  'Isabelle Girard',
  'Thierry Robert',
];

function demoDiagnostic(need: DemoNeed, startDate: string): NeedDiagnostic {
  return {
    jobs: need.jobs.map(([rome, headcount, hours]) => ({
      rome,
      headcount,
      minutesPerWeek: hours ? hours * 60 : null,
      schedule: need.nights ? 'Nuits 21 h – 7 h' : 'Du lundi au vendredi, 7 h – 14 h',
      skills:
        rome === ASH
          ? 'Bio-nettoyage, protocoles d’hygiène, discrétion auprès des résidents'
          : 'Autonomie, ponctualité',
      certificates:
        rome === ASH ? 'Formation hygiène en établissement de santé souhaitée (peut être assurée par l’AI)' : '',
    })),
    startDate,
    endDate: addDays(startDate, 180),
    protectiveEquipment: 'Blouse, gants à usage unique, chaussures de sécurité',
    equipmentSuppliedBy: 'client',
    accessConstraints: 'Entrée du personnel à l’arrière, badge à retirer à l’accueil',
    carePathwayInterest: need.carePathway ?? false,
    notes: 'Entretien avec la direction réalisé sur place.',
  };
}

/** Adds this concept's part of the demo world (PRODUCT.md's journey made visible). */
export async function seedNeedsDemo(world: DemoWorld): Promise<void> {
  const { db, rng, today } = world;
  const staff = new Map(world.orgs.map((o) => [o.id, o.users.placement ?? o.users.admin ?? null]));
  for (const [index, spec] of NEEDS.entries()) {
    const commune = findCommune(spec.commune)!;
    const createdAt = parisInstant(addDays(today, -spec.daysAgo), spec.at);
    const startDate = addDays(today, spec.daysAgo > 7 ? -spec.daysAgo + 10 : rng.int(2, 10));
    const candidates =
      spec.status === 'unrouted'
        ? []
        : (await findRoutingCandidates({ db, commune, romes: spec.jobs.map(([rome]) => rome) })).slice(0, 5);
    if (spec.status !== 'unrouted' && candidates.length === 0)
      throw new Error(`demo need ${spec.name}: no AI qualifies`);
    const claimant = ['unrouted', 'routed'].includes(spec.status) ? null : candidates[0];
    const claimedAt = claimant ? new Date(createdAt.getTime() + rng.int(20, 300) * 60_000) : null;
    const id = rng.uuid();
    const contact = CONTACTS[index % CONTACTS.length];
    await db.insert(needs).values({
      id,
      reference: needReference(createdAt.toISOString().slice(0, 4), () => rng.next()),
      networkId: world.network.id,
      status: spec.status,
      urgency: spec.urgency,
      establishmentName: spec.name,
      establishmentKind: spec.kind,
      addressLine: `${rng.int(1, 90)} ${rng.pick(['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Pasteur', 'rue des Écoles'])}`,
      postalCode: firstPostalCode(commune.code),
      communeCode: commune.code,
      communeName: commune.name,
      departement: commune.departement,
      lat: commune.lat,
      lon: commune.lon,
      contactName: contact,
      contactEmail: `${contact
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z]+/g, '.')}@etablissement.passerelle.test`,
      contactPhone: `01 ${rng.int(40, 69)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
      description: spec.description,
      carePathway: spec.carePathway ?? false,
      consentAt: createdAt,
      // The demo's follow-up links are unknown to anyone (a random token, thrown away): submit a need to see the
      // follow-up page.
      followTokenHash: crypto.createHash('sha256').update(crypto.randomBytes(24).toString('base64url')).digest('hex'),
      routedAt: candidates.length ? createdAt : null,
      deadlineAt: candidates.length ? claimDeadline(createdAt, spec.urgency) : null,
      overdueAt: null,
      claimedByOrganisationId: claimant?.organisationId ?? null,
      claimedByUserId: claimant ? staff.get(claimant.organisationId) : null,
      claimedAt,
      diagnostic: ['in_diagnostic', 'quoted', 'won', 'lost'].includes(spec.status)
        ? demoDiagnostic(spec, startDate)
        : null,
      diagnosticAt:
        ['in_diagnostic', 'quoted', 'won', 'lost'].includes(spec.status) && claimedAt
          ? new Date(claimedAt.getTime() + 86_400_000)
          : null,
      statusChangedAt: claimedAt ?? createdAt,
      createdAt,
    });
    await db.insert(needJobs).values(
      spec.jobs.map(([rome, headcount, hours], position) => ({
        needId: id,
        position,
        rome,
        headcount,
        minutesPerWeek: hours ? hours * 60 : null,
        startDate,
        endDate: spec.urgency === 'urgent' ? addDays(startDate, 30) : null,
        schedule: spec.nights
          ? 'Nuits, 21 h – 7 h'
          : spec.weekends
            ? 'Week-ends, 7 h – 14 h'
            : 'En semaine, 7 h – 14 h',
        nights: spec.nights ?? false,
        weekends: spec.weekends ?? false,
      })),
    );
    if (candidates.length) {
      await db.insert(needRoutes).values(
        candidates.map((c, i) => {
          const declined = spec.declined?.find(([rank]) => rank === i + 1);
          const isClaimant = c.organisationId === claimant?.organisationId;
          const viewed = isClaimant || declined || (spec.daysAgo > 0 && rng.chance(0.6));
          return {
            needId: id,
            organisationId: c.organisationId,
            rank: i + 1,
            distanceKm: c.distanceKm,
            status: isClaimant
              ? ('claimed' as const)
              : declined
                ? ('declined' as const)
                : viewed
                  ? ('viewed' as const)
                  : ('routed' as const),
            routedAt: createdAt,
            viewedAt: viewed ? new Date(createdAt.getTime() + rng.int(5, 120) * 60_000) : null,
            claimedAt: isClaimant ? claimedAt : null,
            declinedAt: declined ? new Date(createdAt.getTime() + rng.int(60, 600) * 60_000) : null,
            declineReason: declined ? declined[1] : null,
          };
        }),
      );
      // The last need that every AI declined: the remaining routes decline too (the console shows "tous ont refusé").
      if (spec.declined) {
        for (const c of candidates.slice(spec.declined.length)) {
          await db
            .update(needRoutes)
            .set({
              status: 'declined',
              declinedAt: new Date(createdAt.getTime() + 86_400_000),
              declineReason: 'Pas de personnel disponible sur ce créneau',
            })
            .where(and(eq(needRoutes.needId, id), eq(needRoutes.organisationId, c.organisationId)));
        }
      }
    }
  }
  // The demo client (a care home with a portal login) stated one of the needs its AI claimed: linked to its
  // client record, it shows in the portal's "Mes besoins" with where it stands.
  const [own] = await db
    .select({ id: needs.id })
    .from(needs)
    .where(
      and(
        eq(needs.claimedByOrganisationId, world.orgs[0].id),
        inArray(needs.status, ['claimed', 'in_diagnostic', 'quoted']),
      ),
    )
    .orderBy(desc(needs.createdAt))
    .limit(1);
  const [client] = await db.select({ name: clients.name }).from(clients).where(eq(clients.id, world.demoClientId));
  if (own && client) {
    await db
      .update(needs)
      .set({ clientId: world.demoClientId, establishmentName: client.name, establishmentKind: 'care_home' })
      .where(eq(needs.id, own.id));
  }
}
