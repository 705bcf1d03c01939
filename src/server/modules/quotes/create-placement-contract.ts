import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { ruleBroken } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { type clients, sites } from '../clients/queries.js';
import { organisationTerritories } from '../directory/queries.js';
import { findCommune } from '../geo/communes.js';
import { nextNumber } from '../numbering/next-number.js';
import { checkPlacement, equivalentPayProblem } from './rules/placement-rules.js';
import { placementContracts, quoteLines, type quotes } from './schema.js';

export type Signature = { by: string; ip: string | null; at: Date; via: 'link' | 'portal' | 'back_office' };

export type ContractActor = { userId: string | null; organisationId: string };

/** Checks L5132-7, R5132-19 and D4154-1 for a contract at this site with these jobs; throws 422 naming the rule. */
export async function assertPlacementAllowed(
  db: Db,
  o: {
    organisationId: string;
    client: typeof clients.$inferSelect;
    site: typeof sites.$inferSelect;
    romeCodes: string[];
    startDate: string;
  },
) {
  const [[org], territory] = await Promise.all([
    db
      .select({ departement: organisations.departement })
      .from(organisations)
      .where(eq(organisations.id, o.organisationId)),
    db
      .select({ kind: organisationTerritories.kind, code: organisationTerritories.code })
      .from(organisationTerritories)
      .where(eq(organisationTerritories.organisationId, o.organisationId)),
  ]);
  const verdict = checkPlacement({
    clientName: o.client.name,
    economicDismissalUntil: o.client.economicDismissalUntil,
    startDate: o.startDate,
    site: {
      communeCode: o.site.communeCode,
      communeName: o.site.communeName,
      departement: findCommune(o.site.communeCode)?.departement ?? o.site.communeCode.slice(0, 2),
    },
    territory,
    ownDepartement: org?.departement ?? null,
    romeCodes: o.romeCodes,
  });
  if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
}

/**
 * The contrat de mise à disposition (R5132-20) that an accepted quote becomes, signed by the acceptance:
 * place, tasks, period, equipment and equivalent pay come from the quote; the workers are named later by an
 * amendment when planning assigns them. Runs inside the acceptance's transaction.
 */
export async function createPlacementContractFromQuote(
  tx: Db,
  actor: ContractActor,
  o: { quote: typeof quotes.$inferSelect; client: typeof clients.$inferSelect; signature: Signature },
) {
  const { quote, client } = o;
  const lines = await tx
    .select()
    .from(quoteLines)
    .where(eq(quoteLines.quoteId, quote.id))
    .orderBy(asc(quoteLines.position));
  const [site] = quote.siteId
    ? await tx.select().from(sites).where(eq(sites.id, quote.siteId))
    : await tx.select().from(sites).where(eq(sites.clientId, client.id)).orderBy(asc(sites.createdAt)).limit(1);
  if (!site) {
    throw ruleBroken(
      'site_missing',
      `${client.name} n’a aucun lieu d’intervention : ajoutez-en un avant d’accepter le devis.`,
    );
  }
  const romeCodes = [...new Set(lines.map((l) => l.rome))];
  const startDate = quote.startDate && quote.startDate > parisToday() ? quote.startDate : parisToday();
  const endDate = quote.endDate && quote.endDate >= startDate ? quote.endDate : addDays(startDate, 182);
  await assertPlacementAllowed(tx, { organisationId: actor.organisationId, client, site, romeCodes, startDate });
  // Accepting the quote signs the contract: a company's contract cannot be signed without the equivalent pay.
  const payProblem = equivalentPayProblem({
    clientName: client.name,
    legalForm: client.legalForm,
    equivalentPayCents: quote.equivalentPayCents,
  });
  if (payProblem) throw ruleBroken(payProblem.code, payProblem.message);
  const number = await nextNumber({
    db: tx,
    organisationId: actor.organisationId,
    kind: 'placement_contract',
    prefix: 'MAD',
    year: Number(startDate.slice(0, 4)),
  });
  const [contract] = await tx
    .insert(placementContracts)
    .values({
      organisationId: actor.organisationId,
      clientId: client.id,
      siteId: site.id,
      quoteId: quote.id,
      number,
      status: 'active',
      tasks: quote.tasks || [...new Set(lines.map((l) => l.label))].join(' ; '),
      startDate,
      endDate,
      equivalentPayCents: quote.equivalentPayCents,
      protectiveEquipment: quote.protectiveEquipment,
      equipmentSuppliedBy: quote.equipmentSuppliedBy,
      workerNames: [],
      romeCodes,
      signedAt: o.signature.at,
      signedBy: o.signature.by,
      signedIp: o.signature.ip,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit({
    db: tx,
    actor,
    action: 'placement_contract.sign',
    recordType: 'placement_contract',
    recordId: contract.id,
    details: {
      quoteId: quote.id,
      by: o.signature.by,
      ip: o.signature.ip,
      via: o.signature.via,
      at: o.signature.at.toISOString(),
    },
  });
  return contract;
}
