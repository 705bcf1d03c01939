import crypto from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rateLimited } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate } from '../calendar/paris-time.js';
import { findCommune } from '../geo/communes.js';
import type { NeedInput } from './need-input.js';
import { emailEstablishmentReceipt, emailRoutedAi } from './notify-need.js';
import { findRoutingCandidates, routingLimit, watchingNetwork } from './route-need.js';
import { claimDeadline } from './rules/claim-deadline.js';
import { needJobs, needRoutes, needSubmissions, needs } from './schema.js';

/** Submissions of the public form allowed per IP address in the window (spam and abuse). */
export const SUBMISSION_LIMITS = { windowMinutes: 60, perIp: 10 };

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** "B-2026-7K3M9Q": short enough to read on the phone, random so it reveals no volume. */
export function needReference(year: string, random: () => number = Math.random) {
  return `B-${year}-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[Math.floor(random() * REFERENCE_ALPHABET.length)]).join('')}`;
}

/**
 * Counts this submission against the IP's allowance, in the database so that the limit holds across app
 * servers. Only a hash of the IP is kept (it is personal data).
 */
export async function countSubmission({ db, ip, now = new Date() }: { db: Db; ip: string; now?: Date }) {
  const ipHash = sha256(`need-form:${ip}`);
  const since = new Date(now.getTime() - SUBMISSION_LIMITS.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(needSubmissions)
    .where(and(eq(needSubmissions.ipHash, ipHash), gt(needSubmissions.at, since)));
  if (row.n >= SUBMISSION_LIMITS.perIp) {
    throw rateLimited(
      `Vous avez déjà envoyé ${SUBMISSION_LIMITS.perIp} besoins dans l’heure. Réessayez plus tard ou contactez directement une structure.`,
    );
  }
  await db.insert(needSubmissions).values({ ipHash, at: now });
  // Old rows are useless: keep the table small.
  await db.delete(needSubmissions).where(sql`${needSubmissions.at} < ${new Date(now.getTime() - 86_400_000)}`);
}

export type SubmitNeedOptions = {
  db: Db;
  input: NeedInput;
  publicUrl: string;
  now?: Date;
};

export type SubmittedNeed = {
  id: string;
  reference: string;
  routedTo: { organisationId: string; name: string; distanceKm: number | null }[];
};

/**
 * Saves an establishment's need and routes it to the nearest qualifying AIs (or leaves it unrouted for the
 * network), emails them and the establishment. A filled honeypot gets a believable answer and nothing is saved.
 */
export async function submitNeed({
  db,
  input,
  publicUrl,
  now = new Date(),
}: SubmitNeedOptions): Promise<SubmittedNeed> {
  if (input.website) {
    return { id: crypto.randomUUID(), reference: needReference(parisDate(now).slice(0, 4)), routedTo: [] };
  }
  const commune = findCommune(input.establishment.address.communeCode)!;
  const token = crypto.randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    const candidates = await findRoutingCandidates({
      db: tx,
      commune,
      romes: input.jobs.map((j) => j.rome),
      preferredOrganisationId: input.preferredOrganisationId,
    });
    const firstNetwork = candidates[0]?.networkId ?? null;
    const chosen = candidates.slice(0, await routingLimit(tx, firstNetwork));
    const networkId = chosen.length > 0 ? firstNetwork : await watchingNetwork(tx, commune);
    const routed = chosen.length > 0;
    const deadlineAt = routed ? claimDeadline(now, input.urgency) : null;
    const [need] = await tx
      .insert(needs)
      .values({
        reference: needReference(parisDate(now).slice(0, 4)),
        networkId,
        status: routed ? 'routed' : 'unrouted',
        urgency: input.urgency,
        establishmentName: input.establishment.name,
        establishmentKind: input.establishment.kind,
        siret: input.establishment.siret || null,
        addressLine: input.establishment.address.line,
        postalCode: input.establishment.address.postalCode,
        communeCode: commune.code,
        communeName: commune.name,
        departement: commune.departement,
        lat: commune.lat,
        lon: commune.lon,
        contactName: input.contact.name,
        contactEmail: input.contact.email.toLowerCase(),
        contactPhone: input.contact.phone || null,
        description: input.description,
        carePathway: input.carePathway ?? false,
        consentAt: now,
        followTokenHash: sha256(token),
        preferredOrganisationId: input.preferredOrganisationId ?? null,
        routedAt: routed ? now : null,
        deadlineAt,
        statusChangedAt: now,
        createdAt: now,
      })
      .returning();
    const jobs = input.jobs.map((j, position) => ({
      needId: need.id,
      position,
      rome: j.rome,
      headcount: j.headcount,
      minutesPerWeek: j.hoursPerWeek ? Math.round(j.hoursPerWeek * 60) : null,
      startDate: j.startDate,
      endDate: j.endDate || null,
      schedule: j.schedule || null,
      nights: j.nights ?? false,
      weekends: j.weekends ?? false,
    }));
    await tx.insert(needJobs).values(jobs);
    if (routed) {
      await tx.insert(needRoutes).values(
        chosen.map((c, i) => ({
          needId: need.id,
          organisationId: c.organisationId,
          rank: i + 1,
          distanceKm: c.distanceKm,
          routedAt: now,
        })),
      );
    }
    const forEmail = { ...need, jobs };
    for (const c of chosen) await emailRoutedAi(tx, { need: forEmail, organisationId: c.organisationId, publicUrl });
    await emailEstablishmentReceipt(tx, {
      need: forEmail,
      to: need.contactEmail,
      token,
      routedCount: chosen.length,
      networkId,
      publicUrl,
    });
    await recordAudit({
      db: tx,
      actor: { networkId },
      action: 'need.submit',
      recordType: 'need',
      recordId: need.id,
      details: { routedTo: chosen.map((c) => c.organisationId), urgency: need.urgency },
    });
    return {
      id: need.id,
      reference: need.reference,
      routedTo: chosen.map((c) => ({ organisationId: c.organisationId, name: c.name, distanceKm: c.distanceKm })),
    };
  });
}
