import { count } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { createOrganisation } from '../modules/accounts/create-organisation.js';
import { createUser } from '../modules/accounts/create-user.js';
import { seedAccountsDemo } from '../modules/accounts/demo.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { networks, organisations } from '../modules/accounts/schema.js';
import { seedBillingDemo } from '../modules/billing/demo.js';
import { addDays, mondayOf, parisInstant, parisToday, weekdayOf } from '../modules/calendar/paris-time.js';
import { isPublicHoliday } from '../modules/calendar/public-holidays.js';
import { seedClientsDemo } from '../modules/clients/demo.js';
import { type ClientKind, clients, sites } from '../modules/clients/schema.js';
import { seedDirectoryDemo } from '../modules/directory/demo.js';
import { withLuhnDigit } from '../modules/directory/rules/siret.js';
import { type Commune, communes, distanceKm, findCommune, firstPostalCode } from '../modules/geo/communes.js';
import { seedIndividualsDemo } from '../modules/individuals/demo.js';
import { seedNeedsDemo } from '../modules/needs/demo.js';
import { seedNotificationsDemo } from '../modules/notifications/demo.js';
import { nextNumber } from '../modules/numbering/next-number.js';
import { seedPlanningDemo } from '../modules/planning/demo.js';
import { missions, shifts } from '../modules/planning/schema.js';
import { seedQuotesDemo } from '../modules/quotes/demo.js';
import { placementContracts } from '../modules/quotes/schema.js';
import { seedReportingDemo } from '../modules/reporting/demo.js';
import { seedSupportDemo } from '../modules/support/demo.js';
import { seedTimesheetsDemo } from '../modules/timesheets/demo.js';
import { seedWorkersDemo } from '../modules/workers/demo.js';
import { employmentContracts, passes, workerJobs, workers } from '../modules/workers/schema.js';
import { CARE_HOMES, civilityOf, FIRST_NAMES, LAST_NAMES, STREETS } from './names.js';
import { Rng } from './rng.js';
import { DEMO_PASSWORD, type DemoOrg, type DemoWorld } from './world.js';

/** The 12 demo AIs: fictional names in real communes, one or two per département of Île-de-France. */
const AIS = [
  { slug: 'ai-1', name: 'Trait d’Union Emploi', commune: '94028', territory: ['94'], care: true },
  { slug: 'ai-2', name: 'Relais Services Plaine Commune', commune: '93066', territory: ['93'], care: true },
  { slug: 'ai-3', name: 'Solidarité Services Paris', commune: '75056', territory: ['75'], care: true },
  { slug: 'ai-4', name: 'Entraide Melun Val de Seine', commune: '77288', territory: ['77'], care: false },
  { slug: 'ai-5', name: 'AI du Pays de Meaux', commune: '77284', territory: ['77'], care: true },
  { slug: 'ai-6', name: 'Versailles Emploi Partage', commune: '78646', territory: ['78'], care: true },
  { slug: 'ai-7', name: 'Mantes Services Insertion', commune: '78361', territory: ['78'], care: false },
  { slug: 'ai-8', name: 'Essonne Coup de Main', commune: '91228', territory: ['91'], care: true },
  { slug: 'ai-9', name: 'Nanterre Solidaire Emploi', commune: '92050', territory: ['92'], care: true },
  { slug: 'ai-10', name: 'Cergy Tremplin Services', commune: '95127', territory: ['95'], care: false },
  { slug: 'ai-11', name: 'Argenteuil Entraide Emploi', commune: '95018', territory: ['95', '92'], care: true },
  { slug: 'ai-12', name: 'Vitry Services Partagés', commune: '94081', territory: ['94', '91'], care: true },
] as const;

const CARE_JOBS = ['J1301', 'K2204', 'G1605', 'G1607', 'K2201', 'K2501', 'K1304', 'K1302', 'M1602', 'M1601'];
const GENERAL_JOBS = ['K2204', 'A1203', 'A1202', 'N1105', 'K2304', 'M1602', 'M1606', 'K1304', 'I1203', 'G1605'];

type Series = { rome: string; days: number[]; from: string; to: string };

/** Weekly patterns of work per client kind (days: 0 = Sunday). */
const PATTERNS: Record<ClientKind, Series[]> = {
  care_home: [
    { rome: 'J1301', days: [1, 2, 3, 4, 5], from: '07:00', to: '14:00' },
    { rome: 'J1301', days: [0, 6], from: '07:00', to: '14:00' },
    { rome: 'J1301', days: [1, 3, 5], from: '14:00', to: '21:00' },
    { rome: 'K2204', days: [2, 4], from: '06:00', to: '10:00' },
    { rome: 'G1605', days: [1, 2, 3, 4, 5], from: '11:00', to: '15:00' },
    { rome: 'K2501', days: [5, 6], from: '21:00', to: '07:00' },
  ],
  medico_social: [{ rome: 'K2201', days: [1, 3, 5], from: '08:00', to: '13:00' }],
  individual: [{ rome: 'K1304', days: [2, 4], from: '09:00', to: '12:00' }],
  association: [{ rome: 'K2204', days: [1, 4], from: '18:00', to: '21:00' }],
  local_authority: [{ rome: 'A1203', days: [1, 2, 3, 4], from: '08:00', to: '12:00' }],
  company: [{ rome: 'N1105', days: [1, 3, 5], from: '08:00', to: '12:00' }],
  social_landlord: [{ rome: 'K2204', days: [2, 5], from: '08:00', to: '11:00' }],
  public_body: [{ rome: 'M1602', days: [1, 2, 3], from: '09:00', to: '13:00' }],
};

const CLIENT_MIX: Record<string, ClientKind[]> = {
  'ai-1': [
    'care_home',
    'care_home',
    'care_home',
    'care_home',
    'care_home',
    'care_home',
    'medico_social',
    'medico_social',
    'individual',
    'individual',
    'individual',
    'individual',
    'individual',
    'individual',
    'association',
    'association',
    'local_authority',
    'local_authority',
    'company',
    'company',
    'social_landlord',
    'public_body',
  ],
  'ai-2': [
    'care_home',
    'care_home',
    'care_home',
    'care_home',
    'individual',
    'individual',
    'individual',
    'association',
    'local_authority',
    'social_landlord',
  ],
};
const WORKER_COUNTS: Record<string, number> = { 'ai-1': 120, 'ai-2': 80 };

export type SeedDemoOptions = {
  db: Db;
  seed?: number;
  today?: string;
  log?: (line: string) => void;
  /** The address the demo's emails link to (config.publicUrl). */
  publicUrl?: string;
};

/** True when the database holds no organisation yet (npm start seeds only then, and only on PGlite). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row.n === 0;
}

/**
 * Builds the demo world in one transaction: all or nothing. The same seed and the same `today`
 * always give the same world.
 */
export async function seedDemoWorld({
  db,
  seed = 20261123,
  today = parisToday(),
  log = () => {},
  publicUrl = 'http://localhost:3000',
}: SeedDemoOptions) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const rng = new Rng(seed);
    const world: DemoWorld = { ...(await seedBase(tx, rng, today, passwordHash, log)), publicUrl };
    const seeders: [string, (w: DemoWorld) => Promise<void>][] = [
      ['annuaire', seedDirectoryDemo],
      ['clients', seedClientsDemo],
      ['salarié·es', seedWorkersDemo],
      ['devis et contrats', seedQuotesDemo],
      ['besoins', seedNeedsDemo],
      ['accompagnement', seedSupportDemo],
      ['planning', seedPlanningDemo],
      ['relevés d’heures', seedTimesheetsDemo],
      ['facturation', seedBillingDemo],
      ['particuliers', seedIndividualsDemo],
      ['tableaux de bord', seedReportingDemo],
      ['notifications', seedNotificationsDemo],
      ['équipes', seedAccountsDemo],
    ];
    for (const [label, seedModule] of seeders) {
      log(`  · ${label}`);
      await seedModule({ ...world, db: tx, rng: new Rng(seed + label.length * 7919) });
    }
    return world;
  });
}

function communesNear(center: Commune, departements: readonly string[], maxKm: number): Commune[] {
  return [...communes().values()]
    .filter((c) => departements.includes(c.departement) && distanceKm(c, center) <= maxKm)
    .sort((a, b) => a.code.localeCompare(b.code));
}

const siretFrom = (rng: Rng) => withLuhnDigit(`${rng.int(3, 8)}${rng.digits(12)}`);

async function seedBase(
  db: Db,
  rng: Rng,
  today: string,
  passwordHash: string,
  log: (l: string) => void,
): Promise<Omit<DemoWorld, 'publicUrl'>> {
  const [network] = await db
    .insert(networks)
    .values({ id: rng.uuid(), name: 'Réseau des AI d’Île-de-France', slug: 'idf', region: 'Île-de-France' })
    .returning();
  const coordinator = await createUser({
    db,
    email: 'coordination@passerelle.test',
    name: 'Hélène Marchand',
    passwordHash,
    membership: { role: 'network_coordinator', networkId: network.id },
  });

  const start = addDays(mondayOf(today), -13 * 7);
  const end = addDays(mondayOf(today), 4 * 7 - 1);
  const orgs: DemoOrg[] = [];
  let demoClientId = '';
  let demoWorkerId = '';

  for (const [index, ai] of AIS.entries()) {
    log(`  · ${ai.name}`);
    const commune = findCommune(ai.commune)!;
    const jobs = ai.care ? CARE_JOBS : GENERAL_JOBS;
    const org = await createOrganisation({
      db,
      name: ai.name,
      kind: 'AI',
      slug: ai.slug,
      siret: siretFrom(rng),
      communeCode: ai.commune,
      postalCode: firstPostalCode(ai.commune),
      addressLine: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
      networkId: network.id,
      extra: {
        id: rng.uuid(),
        phone: `01 ${rng.int(40, 69)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
        email: `contact@${ai.slug}.passerelle.test`,
        website: `https://${ai.slug}.passerelle.test`,
        openingHours: 'Du lundi au vendredi, 9 h – 12 h 30 et 14 h – 17 h 30',
        presentation: `${ai.name} est une association intermédiaire conventionnée par l’État. Elle recrute des personnes éloignées de l’emploi à ${commune.name} et alentour, les met à disposition de particuliers, d’établissements et de collectivités, et les accompagne vers un emploi durable.`,
      },
    });
    const demoOrg: DemoOrg = {
      id: org.id,
      slug: ai.slug,
      name: ai.name,
      communeCode: ai.commune,
      departement: commune.departement,
      jobs: [...jobs],
      territory: [...ai.territory],
      users: {},
      clients: [],
      workers: [],
    };
    orgs.push(demoOrg);

    const staff =
      index < 2
        ? ([
            ['admin', 'org_admin', 'admin'],
            ['placement', 'placement_officer', 'placement'],
            ['accompagnement', 'support_officer', 'support'],
            ['compta', 'accountant', 'accountant'],
          ] as const)
        : ([['admin', 'org_admin', 'admin']] as const);
    for (const [local, role, key] of staff) {
      const user = await createUser({
        db,
        email: `${local}@${ai.slug}.passerelle.test`,
        name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        passwordHash,
        membership: { role, organisationId: org.id },
      });
      demoOrg.users[key] = user.id;
    }

    const near = communesNear(commune, ai.territory, 12);
    const kinds = CLIENT_MIX[ai.slug] ?? ['care_home'];
    for (const [ci, kind] of kinds.entries()) {
      const c = ci === 0 ? commune : rng.pick(near);
      const name =
        kind === 'care_home' || kind === 'medico_social'
          ? kind === 'care_home'
            ? CARE_HOMES[(index * 3 + ci) % CARE_HOMES.length]
            : rng.pick(['Foyer d’accueil médicalisé Les Ormes', 'IME Les Coquelicots', 'MAS La Colline'])
          : kind === 'individual'
            ? // The civility is drawn as before (same demo world) but follows the first name.
              ((_civility, first) => `${civilityOf(first)} ${first} ${rng.pick(LAST_NAMES)}`)(
                rng.pick(['M.', 'Mme']),
                rng.pick(FIRST_NAMES),
              )
            : kind === 'association'
              ? rng.pick([
                  'Secours Fraternel',
                  'Restos du Quartier',
                  'Maison des Associations',
                  'Club Sportif Municipal',
                ])
              : kind === 'local_authority'
                ? `Mairie de ${c.name}`
                : kind === 'company'
                  ? rng.pick([
                      'Logistique Francilienne SAS',
                      'Boulangerie Industrielle du Val',
                      'Clean Pro Services SARL',
                    ])
                  : kind === 'social_landlord'
                    ? rng.pick([
                        'Valophis Habitat (agence locale)',
                        'Seine-Saint-Denis Habitat (agence)',
                        'Habitat Social Francilien',
                      ])
                    : 'Centre Hospitalier Intercommunal';
      const [client] = await db
        .insert(clients)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          kind,
          name,
          siret: kind === 'individual' ? null : siretFrom(rng),
          addressLine: `${rng.int(1, 200)} ${rng.pick(STREETS)}`,
          postalCode: firstPostalCode(c.code),
          communeCode: c.code,
          communeName: c.name,
          lat: c.lat,
          lon: c.lon,
          contactName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
          email: `contact${ci}@${ai.slug}-clients.passerelle.test`,
          phone: `01 ${rng.int(40, 69)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
          forProfit: kind === 'company' || (kind === 'care_home' && ci % 3 === 2),
          chorusServiceCode: kind === 'public_body' || kind === 'local_authority' ? 'SERVICE-ACHATS' : null,
        })
        .returning();
      const [site] = await db
        .insert(sites)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          clientId: client.id,
          name: kind === 'individual' ? 'Domicile' : client.name,
          addressLine: client.addressLine,
          postalCode: firstPostalCode(c.code),
          communeCode: c.code,
          communeName: c.name,
          lat: c.lat,
          lon: c.lon,
          accessNotes: kind === 'care_home' ? 'Entrée du personnel à l’arrière, badge à retirer à l’accueil.' : null,
        })
        .returning();
      demoOrg.clients.push({
        id: client.id,
        kind,
        name,
        communeCode: c.code,
        siteId: site.id,
        placementContractId: '',
        missionIds: [],
      });
    }
    if (index === 0) demoClientId = demoOrg.clients[0].id;

    const workerCount = WORKER_COUNTS[ai.slug] ?? 10;
    const workerNear = communesNear(commune, ai.territory, 15);
    for (let w = 0; w < workerCount; w++) {
      const c = rng.pick(workerNear);
      const isDemoWorker = index === 0 && w === 0;
      const firstName = isDemoWorker ? 'Awa' : rng.pick(FIRST_NAMES);
      const lastName = isDemoWorker ? 'Diallo' : rng.pick(LAST_NAMES);
      const jobCount = rng.int(1, 3);
      const workerJobsList = [...new Set(Array.from({ length: jobCount }, () => rng.pick(jobs)))];
      // PASS started 4 to 23 months ago: valid through the demo period, a few ending soon (alerts).
      const passStart = addDays(today, -rng.int(120, 700));
      const passEnd = addDays(passStart, 729);
      const [worker] = await db
        .insert(workers)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          firstName,
          lastName,
          birthDate: `${rng.int(1964, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          email: isDemoWorker ? 'salarie@ai-1.passerelle.test' : null,
          phone: `06 ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
          addressLine: `${rng.int(1, 150)} ${rng.pick(STREETS)}`,
          postalCode: firstPostalCode(c.code),
          communeCode: c.code,
          communeName: c.name,
          lat: c.lat,
          lon: c.lon,
          maxMinutesPerWeek: rng.pick([20, 24, 26, 30, 35]) * 60,
          referentUserId: demoOrg.users.support ?? demoOrg.users.admin,
          targetJobs: rng.chance(0.3) ? ['J1501'] : [rng.pick(jobs)],
          hiredOn: passStart,
        })
        .returning();
      for (const rome of workerJobsList) {
        await db.insert(workerJobs).values({ organisationId: org.id, workerId: worker.id, rome, level: rng.int(1, 3) });
      }
      await db.insert(passes).values({
        organisationId: org.id,
        workerId: worker.id,
        number: `99999${rng.digits(7)}`,
        startDate: passStart,
        endDate: passEnd,
      });
      const contractKind = rng.chance(0.7) ? 'cddu' : 'cddi';
      const partTimeMinutes = rng.pick([20, 24, 26]) * 60;
      await db.insert(employmentContracts).values({
        organisationId: org.id,
        workerId: worker.id,
        kind: contractKind,
        startDate: passStart,
        endDate: passEnd,
        // Awa, the demo worker, wants more hours: she has a full-time contract (35 h), so that extra work can be
        // proposed to her (a part-time one would cap her week, L3123-20).
        weeklyMinutes: isDemoWorker ? 35 * 60 : partTimeMinutes,
      });
      demoOrg.workers.push({
        id: worker.id,
        firstName,
        lastName,
        communeCode: c.code,
        jobs: workerJobsList,
        passEnd,
        regular: false,
      });
      if (isDemoWorker) demoWorkerId = worker.id;
    }

    await seedMissionsAndShifts(db, rng, demoOrg, start, end, today);
  }

  const demoWorker = orgs[0].workers.find((w) => w.id === demoWorkerId)!;
  await createUser({
    db,
    email: 'ehpad@client.passerelle.test',
    name: 'Sophie Lambert',
    passwordHash,
    membership: { role: 'client_user', organisationId: orgs[0].id, clientId: demoClientId },
  });
  await createUser({
    db,
    email: 'salarie@ai-1.passerelle.test',
    name: `${demoWorker.firstName} ${demoWorker.lastName}`,
    passwordHash,
    membership: { role: 'worker', organisationId: orgs[0].id, workerId: demoWorkerId },
  });

  return {
    db,
    rng,
    today,
    passwordHash,
    network: { id: network.id, name: network.name },
    coordinatorUserId: coordinator.id,
    orgs,
    demoClientId,
    demoWorkerId,
  };
}

/** One placement contract per client, its missions, and weekly series of shifts each held by one regular worker. */
async function seedMissionsAndShifts(db: Db, rng: Rng, org: DemoOrg, start: string, end: string, today: string) {
  const free = [...org.workers];
  // The first worker of each AI (Awa Diallo at ai-1, the demo worker) gets the first series: her page has shifts.
  const takeWorker = (rome: string) => {
    const i =
      free[0] === org.workers[0]
        ? 0
        : Math.max(
            0,
            free.findIndex((w) => w.jobs.includes(rome)),
          );
    const [w] = free.splice(i, 1);
    if (w && !w.jobs.includes(rome)) {
      w.jobs.push(rome);
    }
    return w;
  };
  const rows: (typeof shifts.$inferInsert)[] = [];
  const extraJobs: { workerId: string; rome: string }[] = [];
  for (const client of org.clients) {
    const patterns = PATTERNS[client.kind];
    const series = patterns.map((p) => ({ ...p, worker: free.length > 8 ? takeWorker(p.rome) : undefined }));
    for (const s of series) {
      if (s.worker) {
        s.worker.regular = true;
        extraJobs.push({ workerId: s.worker.id, rome: s.rome });
      }
    }
    const number = await nextNumber({
      db,
      organisationId: org.id,
      kind: 'placement_contract',
      prefix: 'MAD',
      year: Number(start.slice(0, 4)),
    });
    const [contract] = await db
      .insert(placementContracts)
      .values({
        id: rng.uuid(),
        organisationId: org.id,
        clientId: client.id,
        siteId: client.siteId,
        number,
        status: 'active',
        tasks: [...new Set(patterns.map((p) => TASKS[p.rome] ?? 'Travaux d’entretien'))].join(' ; '),
        startDate: start,
        endDate: addDays(today, 180),
        protectiveEquipment:
          client.kind === 'care_home' ? 'Blouse, gants à usage unique, chaussures de sécurité' : null,
        equipmentSuppliedBy: client.kind === 'care_home' ? 'client' : null,
        workerNames: series.flatMap((s) => (s.worker ? [`${s.worker.firstName} ${s.worker.lastName}`] : [])),
        signedAt: new Date(`${start}T10:00:00Z`),
        signedBy: 'Direction de l’établissement',
      })
      .returning();
    client.placementContractId = contract.id;
    for (const rome of [...new Set(patterns.map((p) => p.rome))]) {
      const [mission] = await db
        .insert(missions)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          placementContractId: contract.id,
          clientId: client.id,
          siteId: client.siteId,
          rome,
          startDate: start,
          endDate: addDays(today, 180),
          referentUserId: org.users.placement ?? org.users.admin,
        })
        .returning();
      client.missionIds.push(mission.id);
      for (const s of series.filter((x) => x.rome === rome)) {
        for (let d = start; d <= end; d = addDays(d, 1)) {
          if (!s.days.includes(weekdayOf(d))) continue;
          if (client.kind !== 'care_home' && isPublicHoliday(d)) continue;
          const startAt = parisInstant(d, s.from);
          const endAt = parisInstant(s.to <= s.from ? addDays(d, 1) : d, s.to);
          // A few future shifts have nobody yet: the planning shows them as open.
          const open = !s.worker || (d > today && rng.chance(0.04));
          rows.push({
            id: rng.uuid(),
            organisationId: org.id,
            missionId: mission.id,
            clientId: client.id,
            workerId: open ? null : s.worker!.id,
            startAt,
            endAt,
            status: open ? 'open' : 'assigned',
          });
        }
      }
    }
  }
  for (const { workerId, rome } of extraJobs) {
    await db.insert(workerJobs).values({ organisationId: org.id, workerId, rome, level: 2 }).onConflictDoNothing();
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(shifts).values(rows.slice(i, i + 1000));
}

const TASKS: Record<string, string> = {
  J1301: 'Bio-nettoyage des chambres et des espaces communs, aide au service des repas',
  K2204: 'Entretien et nettoyage des locaux',
  G1605: 'Plonge et entretien de la cuisine',
  K2501: 'Veille de nuit et surveillance des locaux',
  K2201: 'Traitement du linge',
  K1304: 'Aide aux tâches ménagères au domicile',
  A1203: 'Entretien des espaces verts',
  N1105: 'Manutention et préparation de commandes',
  M1602: 'Travaux administratifs et saisie',
};
