import crypto from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays } from '../calendar/paris-time.js';
import { clients } from '../clients/schema.js';
import { queueEmail } from '../notifications/queue-email.js';
import { nextNumber } from '../numbering/next-number.js';
import { missions } from '../planning/schema.js';
import { lineAmountCents } from '../pricing/rules/price-shift.js';
import { romeLabel } from './rome-jobs.js';
import { placementContracts, quoteLines, quotes, rates } from './schema.js';
import { hashToken } from './send-quote.js';

type Line = { rome: string; minutes: number; hourlyRateCents: number; label?: string };

/** Rates for every AI (with last year's closed), quotes in every status, the demo contracts' quotes, an amendment. */
export async function seedQuotesDemo(world: DemoWorld): Promise<void> {
  const { db, rng, today } = world;
  const year = Number(today.slice(0, 4));
  const publicUrl = world.publicUrl.replace(/\/$/, '');

  // A public buyer's engagement number belongs to the order (Chorus Pro BT-13): its contracts carry the one the
  // buyer gave, so the demo's invoices to public buyers print it (issue 15).
  await db.execute(sql`
    UPDATE placement_contracts p SET commitment_number = c.chorus_commitment_number
    FROM clients c WHERE c.id = p.client_id AND c.chorus_commitment_number IS NOT NULL`);

  for (const org of world.orgs) {
    // ---- rates: a default, a higher one for individuals (travel fee, 2 h minimum), one per job for care homes
    // Whole euros: billing prints surcharged unit prices with two decimals (25 % of a whole euro rate is exact).
    const base = 2000 + rng.int(0, 4) * 100;
    const rows: Omit<typeof rates.$inferInsert, 'organisationId'>[] = [
      {
        rome: null,
        clientKind: null,
        hourlyRateCents: base - 100,
        effectiveFrom: `${year - 1}-01-01`,
        effectiveTo: `${year - 1}-12-31`,
      },
      { rome: null, clientKind: null, hourlyRateCents: base, effectiveFrom: `${year}-01-01` },
      {
        rome: null,
        clientKind: 'individual',
        hourlyRateCents: base + 300,
        travelFeeCents: 300,
        minimumBilledMinutes: 120,
        effectiveFrom: `${year}-01-01`,
      },
      { rome: 'J1301', clientKind: 'care_home', hourlyRateCents: base + 100, effectiveFrom: `${year}-01-01` },
      { rome: 'K2501', clientKind: null, hourlyRateCents: base + 200, effectiveFrom: `${year}-01-01` },
    ];
    await db.insert(rates).values(
      rows.map((r) => ({
        id: rng.uuid(),
        organisationId: org.id,
        nightSurchargePct: 25,
        sundaySurchargePct: 50,
        holidaySurchargePct: 100,
        ...r,
      })),
    );
    const rateFor = (rome: string, kind: string) =>
      rome === 'J1301' && kind === 'care_home'
        ? base + 100
        : rome === 'K2501'
          ? base + 200
          : kind === 'individual'
            ? base + 300
            : base;

    const insertQuote = async (o: {
      clientId: string;
      kind: string;
      lines: Line[];
      status: (typeof quotes.$inferInsert)['status'];
      createdDaysAgo: number;
      validDays: number;
      number?: string;
      revision?: number;
      previousId?: string;
      extra?: Partial<typeof quotes.$inferInsert>;
    }) => {
      const createdOn = addDays(today, -o.createdDaysAgo);
      const number =
        o.number ??
        (await nextNumber({
          db,
          organisationId: org.id,
          kind: 'quote',
          prefix: 'D',
          year: Number(createdOn.slice(0, 4)),
        }));
      const lines = o.lines.map((l, i) => ({
        id: rng.uuid(),
        organisationId: org.id,
        position: i + 1,
        rome: l.rome,
        label: l.label ?? romeLabel(l.rome) ?? l.rome,
        minutes: l.minutes,
        hourlyRateCents: l.hourlyRateCents,
        totalCents: lineAmountCents(l.minutes, l.hourlyRateCents, 0),
      }));
      const [quote] = await db
        .insert(quotes)
        .values({
          id: rng.uuid(),
          organisationId: org.id,
          clientId: o.clientId,
          number,
          revision: o.revision ?? 1,
          previousId: o.previousId ?? null,
          status: o.status,
          validUntil: addDays(createdOn, o.validDays),
          totalCents: lines.reduce((s, l) => s + l.totalCents, 0),
          createdAt: new Date(`${createdOn}T09:30:00Z`),
          sentAt: o.status === 'draft' ? null : new Date(`${createdOn}T10:00:00Z`),
          ...o.extra,
        })
        .returning();
      await db.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: quote.id })));
      return quote;
    };

    // ---- every demo contract comes from an accepted quote
    const contractIds = org.clients.map((c) => c.placementContractId).filter(Boolean);
    const contractRows = contractIds.length
      ? await db.select().from(placementContracts).where(inArray(placementContracts.id, contractIds))
      : [];
    const missionRows = contractIds.length
      ? await db
          .select({ placementContractId: missions.placementContractId, rome: missions.rome })
          .from(missions)
          .where(and(eq(missions.organisationId, org.id), inArray(missions.placementContractId, contractIds)))
      : [];
    for (const contract of contractRows) {
      const client = org.clients.find((c) => c.id === contract.clientId)!;
      const romes = [...new Set(missionRows.filter((m) => m.placementContractId === contract.id).map((m) => m.rome))];
      if (romes.length === 0) continue;
      const createdDaysAgo = Math.max(
        1,
        Math.round((Date.parse(today) - Date.parse(contract.startDate)) / 86_400_000) + 10,
      );
      const quote = await insertQuote({
        clientId: client.id,
        kind: client.kind,
        lines: romes.map((rome) => ({
          rome,
          minutes: 60 * rng.pick([80, 120, 160, 240]),
          hourlyRateCents: rateFor(rome, client.kind),
        })),
        status: 'accepted',
        createdDaysAgo,
        validDays: 30,
        extra: {
          siteId: client.siteId,
          startDate: contract.startDate,
          endDate: contract.endDate,
          tasks: contract.tasks,
          protectiveEquipment: contract.protectiveEquipment,
          equipmentSuppliedBy: contract.equipmentSuppliedBy,
          acceptedAt: contract.signedAt,
          acceptedBy: contract.signedBy,
          acceptedIp: '192.0.2.10',
        },
      });
      await db
        .update(placementContracts)
        .set({ quoteId: quote.id, romeCodes: romes })
        .where(eq(placementContracts.id, contract.id));
    }

    // ---- quotes in every other status, for the first clients of the AI
    const [first, second, third, fourth] = org.clients;
    if (!first) continue;
    const pick = (c: typeof first | undefined) => c ?? first;
    const line = (c: typeof first, rome: string, hours: number): Line => ({
      rome,
      minutes: hours * 60,
      hourlyRateCents: rateFor(rome, c.kind),
    });
    const demoClient = org.clients.find((c) => c.id === world.demoClientId);

    await insertQuote({
      clientId: pick(second).id,
      kind: pick(second).kind,
      lines: [line(pick(second), 'K2204', 48)],
      status: 'draft',
      createdDaysAgo: 1,
      validDays: 30,
      extra: { notes: 'Chiffrage à confirmer après la visite du site.' },
    });
    const refused = await insertQuote({
      clientId: pick(third).id,
      kind: pick(third).kind,
      lines: [line(pick(third), 'K2204', 120)],
      status: 'refused',
      createdDaysAgo: 40,
      validDays: 30,
      extra: {
        refusedAt: new Date(`${addDays(today, -30)}T15:00:00Z`),
        refusedBy: 'Direction',
        refusalReason: 'Budget non voté cette année.',
      },
    });
    void refused;
    await insertQuote({
      clientId: pick(fourth).id,
      kind: pick(fourth).kind,
      lines: [line(pick(fourth), 'K2204', 60)],
      status: 'sent',
      createdDaysAgo: 10,
      validDays: 30,
      extra: { tenderReference: org.slug === 'ai-1' ? 'MAPA 2026-031 — entretien des locaux' : null },
    });
    // A revised quote: version 1 superseded, version 2 sent (waiting for the client, with a private link).
    const target = demoClient ?? first;
    const v1 = await insertQuote({
      clientId: target.id,
      kind: target.kind,
      lines: [line(target, 'J1301', 140), line(target, 'K2501', 40)],
      status: 'superseded',
      createdDaysAgo: 6,
      validDays: 30,
      extra: {
        siteId: target.siteId,
        tasks: 'Renfort pour l’ouverture de l’unité protégée : bio-nettoyage et veille de nuit',
      },
    });
    // Random, like a real quote's link: a token derived from the organisation's (public) id could be computed.
    const token = crypto.randomBytes(24).toString('base64url');
    const v2 = await insertQuote({
      clientId: target.id,
      kind: target.kind,
      number: v1.number,
      revision: 2,
      previousId: v1.id,
      lines: [
        line(target, 'J1301', 120),
        line(target, 'K2501', 40),
        {
          ...line(target, 'K2501', 10),
          label: 'Majoration de nuit (25 %)',
          hourlyRateCents: Math.round(rateFor('K2501', target.kind) / 4),
        },
      ],
      status: 'sent',
      createdDaysAgo: 2,
      validDays: 30,
      extra: {
        siteId: target.siteId,
        startDate: addDays(today, 14),
        endDate: addDays(today, 104),
        tasks: 'Renfort pour l’ouverture de l’unité protégée : bio-nettoyage et veille de nuit',
        protectiveEquipment: 'Blouse, gants à usage unique, chaussures de sécurité',
        equipmentSuppliedBy: 'client',
        acceptTokenHash: hashToken(token),
      },
    });
    const [client] = await db.select().from(clients).where(eq(clients.id, target.id));
    if (client?.email) {
      await queueEmail({
        db,
        to: client.email,
        organisationId: org.id,
        related: { type: 'quote', id: v2.id },
        subject: `Devis ${v2.number} de ${org.name}`,
        text: `Bonjour,\n\n${org.name} vous adresse le devis ${v2.number} (version 2) pour ${client.name}.\n\nPour le lire, l’accepter ou le refuser, ouvrez ce lien personnel :\n${publicUrl}/devis/reponse/${token}\n`,
      });
    }
    // An expired quote nobody answered.
    await insertQuote({
      clientId: pick(second).id,
      kind: pick(second).kind,
      lines: [line(pick(second), 'G1605', 80)],
      status: 'sent',
      createdDaysAgo: 75,
      validDays: 30,
    });

    // ---- an amendment: the demo care home's contract gets a new worker name, to be signed in the portal
    if (demoClient) {
      const [contract] = await db
        .select()
        .from(placementContracts)
        .where(eq(placementContracts.id, demoClient.placementContractId));
      if (contract && contract.workerNames.length > 0) {
        const newcomer = org.workers.find(
          (w) => !w.regular && !contract.workerNames.includes(`${w.firstName} ${w.lastName}`),
        );
        if (newcomer) {
          const names = [...contract.workerNames.slice(0, -1), `${newcomer.firstName} ${newcomer.lastName}`];
          await db.insert(placementContracts).values({
            id: rng.uuid(),
            organisationId: org.id,
            clientId: contract.clientId,
            siteId: contract.siteId,
            quoteId: contract.quoteId,
            amendsId: contract.id,
            number: `${contract.number}-A1`,
            status: 'active',
            tasks: contract.tasks,
            startDate: today,
            endDate: contract.endDate,
            protectiveEquipment: contract.protectiveEquipment,
            equipmentSuppliedBy: contract.equipmentSuppliedBy,
            workerNames: names,
            romeCodes: contract.romeCodes,
            amendmentReason: `Remplacement de ${contract.workerNames[contract.workerNames.length - 1]} par ${newcomer.firstName} ${newcomer.lastName}`,
          });
        }
      }
    }
  }
}
