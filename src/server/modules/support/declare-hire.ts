import { and, eq, inArray, isNull } from 'drizzle-orm';
import { HIRE_CONTRACT_LABELS, type HireContractKind } from '../../../shared/hires.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { memberships, users } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, frenchDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/queries.js';
import { hireCandidates } from './hire-candidates.js';
import { findHireDeclaration } from './hire-declarations.js';
import { hireDeclarations } from './schema.js';

export type DeclareHireInput = {
  workerId: string;
  hireDate: string;
  contractKind: HireContractKind;
  message?: string | null;
};

/** The support officers told of a declaration: the worker's referent (CIP) if any, else every support officer. */
async function supportEmails(db: Db, organisationId: string, referentUserId: string | null) {
  const support = and(
    eq(memberships.organisationId, organisationId),
    inArray(memberships.role, ['support_officer', 'org_admin']),
    isNull(users.disabledAt),
  );
  if (referentUserId) {
    const rows = await db
      .select({ email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.id, referentUserId), support));
    if (rows.length) return rows.map((r) => r.email);
  }
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'support_officer'),
        isNull(users.disabledAt),
      ),
    );
  return [...new Set(rows.map((r) => r.email))];
}

/**
 * A client declares that it hires a worker who worked for it (issue 14, « déclarer une embauche »). Nothing
 * changes for the worker yet: the worker's support officer is emailed and confirms (confirm-hire.ts), which
 * records the exit. The hire date lies at most a year back or ahead; one declaration waits per worker.
 */
export async function declareHire({ db, actor, input }: { db: Db; actor: OrgActor; input: DeclareHireInput }) {
  const [mine] = await db
    .select({ id: hireDeclarations.id })
    .from(hireDeclarations)
    .where(
      and(
        eq(hireDeclarations.organisationId, actor.organisationId),
        eq(hireDeclarations.clientId, actor.clientId ?? '00000000-0000-0000-0000-000000000000'),
        eq(hireDeclarations.workerId, input.workerId),
        eq(hireDeclarations.status, 'pending'),
      ),
    );
  if (mine)
    throw conflict('hire_already_declared', 'Cette embauche est déjà déclarée : l’association vous répondra bientôt.');
  const [candidate] = await hireCandidates({ db, actor, workerId: input.workerId });
  if (!candidate) throw notFound('Cette personne');
  const today = parisToday();
  if (input.hireDate < addDays(today, -366) || input.hireDate > addDays(today, 366))
    throw ruleBroken('hire_date_out_of_range', 'La date d’embauche doit être dans l’année passée ou à venir.');
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: hireDeclarations.id })
      .from(hireDeclarations)
      .where(and(eq(hireDeclarations.workerId, input.workerId), eq(hireDeclarations.status, 'pending')));
    if (pending)
      throw conflict(
        'hire_already_declared',
        `L’embauche de ${candidate.name} est déjà déclarée : l’association vous répondra bientôt.`,
      );
    const [row] = await tx
      .insert(hireDeclarations)
      .values({
        organisationId: actor.organisationId,
        clientId: actor.clientId!,
        workerId: input.workerId,
        hireDate: input.hireDate,
        contractKind: input.contractKind,
        message: input.message?.trim() || null,
        declaredBy: actor.userId,
      })
      .returning({ id: hireDeclarations.id });
    const [client] = await tx.select({ name: clients.name }).from(clients).where(eq(clients.id, actor.clientId!));
    const [worker] = await tx
      .select({ referentUserId: workers.referentUserId })
      .from(workers)
      .where(and(eq(workers.id, input.workerId), eq(workers.organisationId, actor.organisationId)));
    for (const to of await supportEmails(tx, actor.organisationId, worker?.referentUserId ?? null)) {
      await queueEmail({
        db: tx,
        to,
        subject: `${client.name} déclare embaucher ${candidate.name}`,
        text: `${client.name} déclare embaucher ${candidate.name} en ${HIRE_CONTRACT_LABELS[input.contractKind]} à partir du ${frenchDate(input.hireDate)}.${input.message?.trim() ? `\n\nSon message : « ${input.message.trim()} »` : ''}\n\nOuvrez la page « Embauches déclarées » de Passerelle pour confirmer la sortie vers l’emploi.`,
        organisationId: actor.organisationId,
        related: { type: 'hire_declaration', id: row.id },
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'hire.declare',
      recordType: 'worker',
      recordId: input.workerId,
      details: { hireDate: input.hireDate, contractKind: input.contractKind },
    });
    return findHireDeclaration(tx, actor, row.id);
  });
}
