import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import type { Page } from '../../http/pagination.js';
import { placementContractScope, type ScopeActor } from '../../policies/scopes.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients, sites } from '../clients/queries.js';
import { equivalentPayProblem } from './rules/placement-rules.js';
import { placementContracts } from './schema.js';

export async function findPlacementContract(db: Db, actor: ScopeActor, id: string) {
  const [contract] = await db
    .select()
    .from(placementContracts)
    .where(and(eq(placementContracts.id, id), placementContractScope(actor)));
  if (!contract) throw notFound('Ce contrat de mise à disposition');
  return contract;
}

export const presentContract = (
  c: typeof placementContracts.$inferSelect,
  clientName: string,
  siteName: string | null,
) => ({
  id: c.id,
  number: c.number,
  status: c.status,
  clientId: c.clientId,
  clientName,
  siteId: c.siteId,
  siteName,
  quoteId: c.quoteId,
  amendsId: c.amendsId,
  amendmentReason: c.amendmentReason,
  tasks: c.tasks,
  startDate: c.startDate,
  endDate: c.endDate,
  equivalentPayCents: c.equivalentPayCents,
  protectiveEquipment: c.protectiveEquipment,
  equipmentSuppliedBy: c.equipmentSuppliedBy,
  workerNames: c.workerNames,
  workerIds: c.workerIds,
  romeCodes: c.romeCodes ?? [],
  commitmentNumber: c.commitmentNumber,
  signedAt: c.signedAt?.toISOString() ?? null,
  signedBy: c.signedBy,
  signedIp: c.signedIp,
  createdAt: c.createdAt.toISOString(),
});

/** Contracts and amendments, newest first; a client_user sees only its own. */
export async function listPlacementContracts(o: {
  db: Db;
  actor: OrgActor;
  clientId?: string;
  unsigned?: boolean;
  page: Page;
}) {
  const where: SQL[] = [placementContractScope(o.actor)];
  if (o.clientId) where.push(eq(placementContracts.clientId, o.clientId));
  const cond = and(...where);
  const [rows, [{ n }]] = await Promise.all([
    o.db
      .select({ c: placementContracts, clientName: clients.name, siteName: sites.name })
      .from(placementContracts)
      .innerJoin(clients, eq(clients.id, placementContracts.clientId))
      .leftJoin(sites, eq(sites.id, placementContracts.siteId))
      .where(cond)
      .orderBy(desc(placementContracts.createdAt), desc(placementContracts.number))
      .limit(o.page.limit)
      .offset(o.page.offset),
    o.db.select({ n: count() }).from(placementContracts).where(cond),
  ]);
  return { items: rows.map((r) => presentContract(r.c, r.clientName, r.siteName)), total: n };
}

/** A contract with its amendments (or, for an amendment, its original and the other amendments). */
export async function getPlacementContract({
  db,
  actor,
  placementContractId,
}: {
  db: Db;
  actor: OrgActor;
  placementContractId: string;
}) {
  const c = await findPlacementContract(db, actor, placementContractId);
  const rootId = c.amendsId ?? c.id;
  const [[client], site, family] = await Promise.all([
    db.select().from(clients).where(eq(clients.id, c.clientId)),
    c.siteId
      ? db
          .select()
          .from(sites)
          .where(eq(sites.id, c.siteId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
    db
      .select()
      .from(placementContracts)
      .where(
        and(
          eq(placementContracts.organisationId, actor.organisationId),
          or(eq(placementContracts.id, rootId), eq(placementContracts.amendsId, rootId)),
        ),
      )
      .orderBy(asc(placementContracts.createdAt)),
  ]);
  return {
    ...presentContract(c, client.name, site?.name ?? null),
    site: site
      ? {
          name: site.name,
          addressLine: site.addressLine,
          postalCode: site.postalCode,
          communeName: site.communeName,
          accessNotes: site.accessNotes,
        }
      : null,
    versions: family.map((v) => ({
      id: v.id,
      number: v.number,
      amendsId: v.amendsId,
      workerNames: v.workerNames,
      workerIds: v.workerIds,
      signedAt: v.signedAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** The client signs a contract or an amendment online (portal): who, when, from which IP. */
export async function signPlacementContract(o: {
  db: Db;
  actor: OrgActor;
  placementContractId: string;
  by: string;
  ip: string | null;
}) {
  return o.db.transaction(async (tx) => {
    const c = await findPlacementContract(tx, o.actor, o.placementContractId);
    if (c.signedAt) throw conflict('placement_contract_already_signed', `Le contrat ${c.number} est déjà signé.`);
    const [client] = await tx
      .select({ name: clients.name, legalForm: clients.legalForm })
      .from(clients)
      .where(eq(clients.id, c.clientId));
    const [row] = await tx
      .select({ cents: placementContracts.equivalentPayCents })
      .from(placementContracts)
      .where(eq(placementContracts.id, c.id));
    const payProblem = equivalentPayProblem({
      clientName: client.name,
      legalForm: client.legalForm,
      equivalentPayCents: row.cents,
    });
    if (payProblem) throw ruleBroken(payProblem.code, payProblem.message);
    const at = new Date();
    await tx
      .update(placementContracts)
      .set({ signedAt: at, signedBy: o.by, signedIp: o.ip })
      .where(eq(placementContracts.id, c.id));
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'placement_contract.sign',
      recordType: 'placement_contract',
      recordId: c.id,
      details: { by: o.by, ip: o.ip, via: 'portal', at: at.toISOString() },
    });
    return { signedAt: at.toISOString() };
  });
}
