import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/server/db/connect.js';
import { organisations } from '../src/server/modules/accounts/schema.js';
import { addDays, parisToday } from '../src/server/modules/calendar/paris-time.js';
import { organisationJobs, organisationTerritories } from '../src/server/modules/directory/schema.js';
import { makeOrg, makeUser } from './factories.js';

/**
 * An AI that can receive needs: its jobs (ROME), its territory (départements and/or communes), a placement
 * officer to log in with. `active: false` makes it inactive.
 */
export async function makeRoutableAi(
  db: Db,
  o: {
    networkId?: string;
    communeCode: string;
    jobs?: string[];
    departements?: string[];
    communes?: string[];
    name?: string;
    active?: boolean;
  },
) {
  const org = await makeOrg(db, { networkId: o.networkId, communeCode: o.communeCode, name: o.name });
  for (const rome of o.jobs ?? ['K2204']) await db.insert(organisationJobs).values({ organisationId: org.id, rome });
  for (const code of o.departements ?? [])
    await db.insert(organisationTerritories).values({ organisationId: org.id, kind: 'departement', code });
  for (const code of o.communes ?? [])
    await db.insert(organisationTerritories).values({ organisationId: org.id, kind: 'commune', code });
  if (o.active === false) await db.update(organisations).set({ isActive: false }).where(eq(organisations.id, org.id));
  const officer = await makeUser(db, { role: 'placement_officer', organisationId: org.id });
  return { ...org, officer };
}

/** A valid POST /api/public/needs body (a care home in Créteil by default), with overrides. */
export function needPayload(
  o: {
    communeCode?: string;
    postalCode?: string;
    urgency?: 'urgent' | 'structural';
    jobs?: { rome: string; headcount?: number; startDate?: string; endDate?: string; hoursPerWeek?: number }[];
    name?: string;
    email?: string;
    preferredOrganisationId?: string;
    website?: string;
  } = {},
) {
  const start = addDays(parisToday(), 3);
  return {
    establishment: {
      name: o.name ?? `EHPAD Les Tilleuls ${crypto.randomBytes(2).toString('hex')}`,
      kind: 'care_home',
      address: {
        line: '12 rue des Écoles',
        postalCode: o.postalCode ?? '94000',
        communeCode: o.communeCode ?? '94028',
      },
    },
    contact: { name: 'Claire Dubois', email: o.email ?? 'direction@ehpad-tilleuls.test', phone: '01 45 67 89 10' },
    urgency: o.urgency ?? 'urgent',
    jobs: (o.jobs ?? [{ rome: 'J1301' }]).map((j) => ({
      rome: j.rome,
      headcount: j.headcount ?? 2,
      hoursPerWeek: j.hoursPerWeek ?? 35,
      startDate: j.startDate ?? start,
      ...(j.endDate ? { endDate: j.endDate } : {}),
    })),
    description: 'Deux agents de service, nuits et week-ends, à partir de lundi.',
    consent: true,
    ...(o.preferredOrganisationId ? { preferredOrganisationId: o.preferredOrganisationId } : {}),
    ...(o.website !== undefined ? { website: o.website } : {}),
  };
}

let ipCounter = 1;
/** Each call a different client IP, so that the per-IP rate limit does not interfere between tests. */
export const freshIp = () => `10.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}.7`;

export async function postNeed(app: FastifyInstance, payload: unknown, ip = freshIp()) {
  return app.inject({
    method: 'POST',
    url: '/api/public/needs',
    payload: payload as object,
    // The socket's address: X-Forwarded-For counts only from a proxy named by TRUST_PROXY.
    remoteAddress: ip,
  });
}
