import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisInstant, parisToday } from '../calendar/paris-time.js';
import { findClient } from '../clients/find-client.js';
import { sites } from '../clients/queries.js';
import { nextNumber } from '../numbering/next-number.js';
import { findWorker, fullName } from '../workers/find-worker.js';
import { assertPlacementAllowed } from './create-placement-contract.js';
import { equivalentPayProblem } from './rules/placement-rules.js';
import { placementContracts } from './schema.js';

export type SignedContractInput = {
  clientId: string;
  /** One of the client's sites; its first site when absent. */
  siteId?: string;
  /** The number printed on the paper contract; Passerelle numbers it when absent. */
  paperNumber?: string;
  romeCodes: string[];
  tasks: string;
  startDate: string;
  endDate: string;
  signedOn: string;
  signedBy: string;
  workerIds: string[];
  equivalentPayCents?: number | null;
  commitmentNumber?: string | null;
};

/**
 * Records a contrat de mise à disposition already signed on paper (an AI's existing activity coming in): the same
 * rules as a contract signed in Passerelle (L5132-7, R5132-19, D4154-1), its workers named from their records,
 * and its original number kept so that re-importing it is recognised.
 */
export async function recordSignedContract({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: OrgActor;
  input: SignedContractInput;
}) {
  if (input.endDate < input.startDate) throw ruleBroken('contract_dates', 'La fin du contrat précède son début.');
  if (input.signedOn > input.startDate)
    throw ruleBroken(
      'contract_signed_late',
      'Le contrat de mise à disposition est signé avant la mise à disposition (R5132-20).',
    );
  return db.transaction(async (tx) => {
    const client = await findClient(tx, actor, input.clientId);
    const [site] = await tx
      .select()
      .from(sites)
      .where(
        and(
          eq(sites.clientId, client.id),
          eq(sites.organisationId, actor.organisationId),
          input.siteId ? eq(sites.id, input.siteId) : undefined,
        ),
      )
      .orderBy(asc(sites.createdAt))
      .limit(1);
    if (!site && input.siteId) throw notFound('Ce lieu d’intervention');
    if (!site)
      throw ruleBroken('site_missing', `${client.name} n’a aucun lieu d’intervention : ajoutez-en un d’abord.`);
    const payProblem = equivalentPayProblem({
      clientName: client.name,
      legalForm: client.legalForm,
      equivalentPayCents: input.equivalentPayCents ?? null,
    });
    if (payProblem) throw ruleBroken(payProblem.code, payProblem.message);
    await assertPlacementAllowed(tx, {
      organisationId: actor.organisationId,
      client,
      site,
      romeCodes: input.romeCodes,
      startDate: input.startDate,
    });
    const workers = [];
    for (const id of input.workerIds) workers.push(await findWorker(tx, actor, id));
    if (input.paperNumber) {
      const [twin] = await tx
        .select({ id: placementContracts.id })
        .from(placementContracts)
        .where(
          and(
            eq(placementContracts.organisationId, actor.organisationId),
            eq(placementContracts.number, input.paperNumber),
          ),
        );
      if (twin) throw conflict('contract_number_taken', `Un contrat porte déjà le numéro ${input.paperNumber}.`);
    }
    const number =
      input.paperNumber ??
      (await nextNumber({
        db: tx,
        organisationId: actor.organisationId,
        kind: 'placement_contract',
        prefix: 'MAD',
        year: Number(input.startDate.slice(0, 4)),
      }));
    const [contract] = await tx
      .insert(placementContracts)
      .values({
        organisationId: actor.organisationId,
        clientId: client.id,
        siteId: site.id,
        number,
        status: input.endDate < parisToday() ? 'ended' : 'active',
        tasks: input.tasks,
        startDate: input.startDate,
        endDate: input.endDate,
        equivalentPayCents: input.equivalentPayCents ?? null,
        workerNames: workers.map(fullName),
        workerIds: workers.map((w) => w.id),
        romeCodes: input.romeCodes,
        signedAt: parisInstant(input.signedOn, '12:00'),
        signedBy: input.signedBy,
        signedIp: null,
        commitmentNumber: input.commitmentNumber ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'placement_contract.import',
      recordType: 'placement_contract',
      recordId: contract.id,
      details: { paperNumber: input.paperNumber ?? null, signedOn: input.signedOn, signedBy: input.signedBy },
    });
    return contract;
  });
}

/** The contract already recorded under a paper number, for imports that must not create it twice. */
export async function findContractByNumber(db: Db, organisationId: string, number: string) {
  const [row] = await db
    .select({ id: placementContracts.id, clientId: placementContracts.clientId })
    .from(placementContracts)
    .where(and(eq(placementContracts.organisationId, organisationId), eq(placementContracts.number, number)));
  return row ?? null;
}
