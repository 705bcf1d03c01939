import type { Db } from '../db/connect.js';
import type { ClientKind } from '../modules/clients/schema.js';
import type { Rng } from './rng.js';

export const DEMO_PASSWORD = 'passerelle-demo';

export type DemoClient = {
  id: string;
  kind: ClientKind;
  name: string;
  communeCode: string;
  siteId: string;
  placementContractId: string;
  missionIds: string[];
};

export type DemoWorker = {
  id: string;
  firstName: string;
  lastName: string;
  communeCode: string;
  jobs: string[];
  passEnd: string;
  /** True when the worker holds a regular series of shifts. */
  regular: boolean;
};

export type DemoOrg = {
  id: string;
  slug: string;
  name: string;
  communeCode: string;
  departement: string;
  /** ROME codes offered (the directory stores them). */
  jobs: string[];
  /** Départements served (the directory stores them as the territory). */
  territory: string[];
  users: { admin?: string; placement?: string; support?: string; accountant?: string };
  clients: DemoClient[];
  workers: DemoWorker[];
};

/** What the base seed built, handed to each module's seeder so it can add its part of the story. */
export type DemoWorld = {
  db: Db;
  rng: Rng;
  /** The Paris date the world is built around: shifts run from 13 weeks before to 4 weeks after. */
  today: string;
  passwordHash: string;
  network: { id: string; name: string };
  coordinatorUserId: string;
  orgs: DemoOrg[];
  /** The care home of ai-1 whose client_user is ehpad@client.passerelle.test. */
  demoClientId: string;
  /** The worker of ai-1 whose account is salarie@ai-1.passerelle.test. */
  demoWorkerId: string;
  /** Where the demo's emails link to: the server's PUBLIC_URL, never a fixed port. */
  publicUrl: string;
};

export const DEMO_LOGINS: { email: string; role: string }[] = [
  { email: 'coordination@passerelle.test', role: 'coordination du réseau' },
  ...['ai-1', 'ai-2'].flatMap((slug) => [
    { email: `admin@${slug}.passerelle.test`, role: `direction (${slug})` },
    { email: `placement@${slug}.passerelle.test`, role: `chargé·e de mission (${slug})` },
    { email: `accompagnement@${slug}.passerelle.test`, role: `accompagnement socio-pro (${slug})` },
    { email: `compta@${slug}.passerelle.test`, role: `comptabilité (${slug})` },
  ]),
  { email: 'ehpad@client.passerelle.test', role: 'client : EHPAD servi par ai-1' },
  { email: 'particulier@client.passerelle.test', role: 'client particulier de ai-1 (avance immédiate URSSAF)' },
  { email: 'cesu@client.passerelle.test', role: 'client particulier de ai-1 (CESU préfinancés)' },
  { email: 'salarie@ai-1.passerelle.test', role: 'salarié·e de ai-1' },
];
