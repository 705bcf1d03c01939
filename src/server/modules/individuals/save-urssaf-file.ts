import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { UrssafFileBody } from '../../../shared/individuals.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/queries.js';
import { checkIban, isBic, normaliseBic } from './rules/iban.js';
import { urssafRegistrations } from './schema.js';

/** The client's consent and the identity URSSAF's /particulier asks for: the shared contract's body. */
export const UrssafFileInput = UrssafFileBody;
export type UrssafFileInput = z.infer<typeof UrssafFileInput>;

/** Records the client's consent and identity for the avance immédiate (an individual client only). */
export async function saveUrssafFile(o: { db: Db; actor: OrgActor; clientId: string; input: UrssafFileInput }) {
  const { db, actor, input } = o;
  const [client] = await db
    .select({ id: clients.id, kind: clients.kind })
    .from(clients)
    .where(and(eq(clients.id, o.clientId), eq(clients.organisationId, actor.organisationId)));
  if (!client) throw notFound('Ce client');
  if (client.kind !== 'individual')
    throw ruleBroken('not_an_individual', 'L’avance immédiate ne concerne que les particuliers.');
  let iban = input.iban?.trim() || null;
  if (iban) {
    const verdict = checkIban(iban);
    if (!verdict.ok) throw ruleBroken('invalid_iban', verdict.message, [{ path: 'iban', message: verdict.message }]);
    iban = verdict.iban;
  }
  const bic = input.bic?.trim() ? normaliseBic(input.bic) : null;
  if (bic && !isBic(bic))
    throw ruleBroken('invalid_bic', 'Ce BIC n’est pas valide (8 ou 11 caractères).', [
      { path: 'bic', message: '8 ou 11 caractères' },
    ]);
  const { iban: _sent, ...rest } = input;
  const values = { ...rest, ...(input.iban === undefined ? {} : { iban }), bic, updatedAt: new Date() };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(urssafRegistrations)
      .values({ clientId: client.id, organisationId: actor.organisationId, ...values })
      .onConflictDoUpdate({ target: urssafRegistrations.clientId, set: values })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'urssaf.file.save',
      recordType: 'client',
      recordId: client.id,
      details: { consentOn: input.consentOn },
    });
    return row;
  });
}
