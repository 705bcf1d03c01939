import crypto from 'node:crypto';
import type { DemoWorld } from '../../demo/world.js';
import { createOrganisation } from '../accounts/create-organisation.js';
import type { OrganisationKind } from '../accounts/schema.js';
import { hashToken } from '../accounts/sessions.js';
import { addDays } from '../calendar/paris-time.js';
import { findCommune, firstPostalCode } from '../geo/communes.js';
import { queueEmail } from '../notifications/queue-email.js';
import { withLuhnDigit } from './rules/siret.js';
import { organisationInvitations } from './schema.js';
import { uniqueSlug, writeDirectoryFacts } from './structure-facts.js';

/** Jobs each kind of SIAE commonly offers (ROME v4). */
const JOBS_BY_KIND: Record<Exclude<OrganisationKind, 'AI' | 'OTHER'>, string[][]> = {
  ACI: [
    ['A1203', 'A1202', 'K2304'],
    ['F1703', 'I1203', 'F1606'],
    ['G1602', 'G1605', 'D1106'],
    ['K2304', 'N1103', 'D1507'],
    ['A1414', 'A1203', 'D1106'],
  ],
  EI: [
    ['K2204', 'K2201'],
    ['K2304', 'N1105', 'N4105'],
    ['G1602', 'G1605', 'G1607'],
    ['I1203', 'F1606', 'F1703'],
  ],
  ETTI: [
    ['N1105', 'K2204', 'F1703', 'H3302'],
    ['K2204', 'G1605', 'N1103', 'M1606'],
  ],
  EITI: [
    ['K1304', 'K2204'],
    ['A1203', 'I1203'],
  ],
  GEIQ: [
    ['J1501', 'J1301', 'K1302'],
    ['F1703', 'F1702', 'F1606'],
    ['N1105', 'N1103', 'N4105'],
  ],
};

/**
 * The other SIAE of Île-de-France on the map: fictional names in real communes. The story: one workshop is
 * hidden while its State convention is renewed, one enterprise has closed (inactive), one GEIQ has been invited
 * and has not answered yet.
 */
const OTHER_SIAE: [OrganisationKind, string, string][] = [
  ['ACI', 'Jardins du Cœur de Montreuil', '93048'],
  ['ACI', 'Chantier Nature Seine-et-Marne', '77186'],
  ['ACI', 'Atelier Vélo Solidaire', '75056'],
  ['ACI', 'Recyclerie de la Plaine', '93066'],
  ['ACI', 'Les Potagers de Trappes', '78621'],
  ['ACI', 'Chantier Bâtiment Solidaire du Val-de-Marne', '94017'],
  ['ACI', 'Cuisine Partagée d’Aubervilliers', '93001'],
  ['ACI', 'Ressourcerie du Provinois', '77379'],
  ['ACI', 'Espaces Verts Insertion Essonne', '91174'],
  ['ACI', 'Atelier Couture Solidaire Sarcelles', '95585'],
  ['ACI', 'Le Maraîcher des Mureaux', '78440'],
  ['ACI', 'Chantier Patrimoine Fontainebleau', '77186'],
  ['ACI', 'Bois et Compagnie Gennevilliers', '92036'],
  ['ACI', 'Ferme Urbaine de Saint-Ouen', '93070'],
  ['EI', 'Propreté Solidaire Créteil', '94028'],
  ['EI', 'Net’Insertion Boulogne', '92012'],
  ['EI', 'Tri Éco Bobigny', '93008'],
  ['EI', 'Traiteur d’Insertion Paris Est', '75056'],
  ['EI', 'Bâti Insertion Massy', '91377'],
  ['EI', 'Logistique Solidaire Goussainville', '95280'],
  ['EI', 'Blanchisserie Solidaire Vitry', '94081'],
  ['EI', 'Clichy Services Propreté', '92024'],
  ['EI', 'Restaurant d’Insertion de Poissy', '78498'],
  ['EI', 'Second Souffle Recyclage', '93005'],
  ['EI', 'Entretien Plus Alfortville', '94002'],
  ['ETTI', 'Intérim Solidaire Île-de-France', '75056'],
  ['ETTI', 'Tremplin Intérim Saint-Denis', '93066'],
  ['ETTI', 'Intérim Insertion Val-d’Oise', '95127'],
  ['ETTI', 'Passerelle Intérim Essonne', '91228'],
  ['ETTI', 'Intérim Emploi Seine-et-Marne', '77288'],
  ['ETTI', 'Intérim Solidaire des Yvelines', '78646'],
  ['ETTI', 'Hauts-de-Seine Intérim Insertion', '92050'],
  ['ETTI', 'Intérim Villejuif Solidaire', '94076'],
  ['EITI', 'Indépendants Solidaires Paris', '75056'],
  ['EITI', 'Coopérative des Services à Domicile 93', '93048'],
  ['EITI', 'Jardiniers Indépendants du 78', '78551'],
  ['EITI', 'Auto-entrepreneurs Solidaires Essonne', '91027'],
  ['GEIQ', 'GEIQ Soins et Autonomie Île-de-France', '75056'],
  ['GEIQ', 'GEIQ BTP Val-de-Marne', '94068'],
  ['GEIQ', 'GEIQ Propreté Île-de-France', '93008'],
  ['GEIQ', 'GEIQ Logistique Roissy', '95280'],
  ['GEIQ', 'GEIQ Aide à Domicile 92', '92002'],
  ['GEIQ', 'GEIQ Industrie Seine-Aval', '78440'],
  ['ACI', 'Chantier École Brunoy', '91114'],
  ['ACI', 'Recyclerie de Chelles', '77108'],
  ['EI', 'Lagny Nettoyage Solidaire', '77243'],
  ['ACI', 'Jardins de Cocagne de Taverny', '95607'],
  ['EI', 'Rosny Éco-Services', '93064'],
  ['ACI', 'Atelier Numérique Solidaire Issy', '92040'],
  ['ETTI', 'Intérim Solidaire Conflans', '78172'],
  ['ACI', 'Chantier Vert de Draveil', '91201'],
  ['EI', 'Thiais Restauration Solidaire', '94073'],
];

const PRESENTATION: Record<OrganisationKind, string> = {
  AI: 'association intermédiaire',
  ACI: 'atelier et chantier d’insertion',
  EI: 'entreprise d’insertion',
  ETTI: 'entreprise de travail temporaire d’insertion',
  EITI: 'entreprise d’insertion par le travail indépendant',
  GEIQ: 'groupement d’employeurs pour l’insertion et la qualification',
  OTHER: 'structure de l’insertion par l’activité économique',
};

const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue Pasteur',
  'allée des Tilleuls',
  'rue du Général Leclerc',
  'avenue de la Gare',
  'rue des Écoles',
  'place de la Mairie',
];

/** The demo AIs' jobs, territories and networks, and the ~50 other SIAE of the region. */
export async function seedDirectoryDemo(world: DemoWorld): Promise<void> {
  const { db, rng } = world;
  for (const [i, org] of world.orgs.entries()) {
    await writeDirectoryFacts(db, org.id, {
      jobs: org.jobs,
      territory: { departements: org.territory, communes: [] },
      networks: i % 3 === 2 ? ['ai', 'federation-des-acteurs-de-la-solidarite'] : ['ai', 'coorace'],
      source: 'passerelle',
    });
  }

  for (const [i, [kind, name, communeCode]] of OTHER_SIAE.entries()) {
    const commune = findCommune(communeCode)!;
    const pick = JOBS_BY_KIND[kind as keyof typeof JOBS_BY_KIND];
    const jobs = pick[i % pick.length];
    // Spread structures of the same commune a little around its centroid so that markers do not overlap.
    const lat = commune.lat + (rng.next() - 0.5) * 0.02;
    const lon = commune.lon + (rng.next() - 0.5) * 0.03;
    const domain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const org = await createOrganisation({
      db,
      name,
      kind,
      slug: await uniqueSlug(db, name, commune.name),
      siret: withLuhnDigit(`${rng.int(3, 8)}${rng.digits(12)}`),
      communeCode,
      postalCode: firstPostalCode(communeCode),
      addressLine: `${rng.int(1, 150)} ${rng.pick(STREETS)}`,
      networkId: world.network.id,
      extra: {
        id: rng.uuid(),
        lat,
        lon,
        phone: `01 ${rng.int(40, 69)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
        email: `contact@${domain}.passerelle.test`,
        website: rng.chance(0.7) ? `https://${domain}.passerelle.test` : null,
        openingHours: rng.pick([
          'Du lundi au vendredi, 9 h – 17 h',
          'Du lundi au jeudi, 8 h 30 – 12 h et 13 h 30 – 17 h ; vendredi matin',
          'Sur rendez-vous, du lundi au vendredi',
        ]),
        presentation: `${name} est un ${PRESENTATION[kind]} conventionné par l’État à ${commune.name}. Elle recrute des personnes éloignées de l’emploi et les accompagne vers un emploi durable.`,
        // The story: a workshop hidden during the renewal of its convention, an enterprise that has closed.
        isPublic: name !== 'Atelier Couture Solidaire Sarcelles',
        isActive: name !== 'Second Souffle Recyclage',
      },
    });
    const networks = [kind.toLowerCase()];
    if (kind === 'ACI' && i % 2 === 0) networks.push('chantier-ecole');
    if (kind === 'GEIQ') networks.push('geiq');
    networks.push(i % 2 === 0 ? 'federation-des-acteurs-de-la-solidarite' : 'coorace');
    await writeDirectoryFacts(db, org.id, {
      jobs,
      territory: { departements: [commune.departement], communes: [] },
      networks: [...new Set(networks)],
      externalId: `emplois-de-linclusion--demo-${i + 1}`,
      source: 'emplois-de-linclusion',
    });

    if (name === 'GEIQ Soins et Autonomie Île-de-France') {
      // Invited three days ago by the coordinator, not answered yet: the console shows it as pending.
      // Random, not from the seeded generator: anyone who knows the seed could compute the invitation link. The
      // generator still draws its 40 digits, so that the structures seeded after this one stay the same.
      rng.digits(40);
      const token = crypto.randomBytes(24).toString('base64url');
      const expires = addDays(world.today, 11);
      const [invitation] = await db
        .insert(organisationInvitations)
        .values({
          organisationId: org.id,
          networkId: world.network.id,
          email: 'direction@geiq-soins.passerelle.test',
          name: 'Nadia Benali',
          tokenHash: hashToken(token),
          invitedBy: world.coordinatorUserId,
          expiresAt: new Date(`${expires}T12:00:00Z`),
          createdAt: new Date(`${addDays(world.today, -3)}T09:00:00Z`),
        })
        .returning();
      await queueEmail({
        db,
        to: 'direction@geiq-soins.passerelle.test',
        subject: `Votre accès à Passerelle pour ${name}`,
        text: `Bonjour Nadia Benali,\n\nLe réseau vous invite à gérer ${name} dans Passerelle.\nOuvrez ce lien pour choisir votre mot de passe :\n${world.publicUrl}/invitation/${token}\n\nCe lien est personnel. Il est valable 14 jours.`,
        organisationId: org.id,
        networkId: world.network.id,
        related: { type: 'organisation_invitation', id: invitation.id },
      });
    }
  }
}
