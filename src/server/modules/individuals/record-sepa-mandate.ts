import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/queries.js';
import { checkIban, isBic, maskIban, normaliseBic } from './rules/iban.js';
import { sepaMandates } from './schema.js';

/**
 * Records a SEPA direct debit mandate signed by a client (RUM, IBAN checked by MOD 97-10, BIC, signature date).
 * A new mandate replaces the one in force (revoked the day the new one is signed).
 */
export async function recordSepaMandate(o: {
  db: Db;
  actor: OrgActor;
  clientId: string;
  input: { rum: string; iban: string; bic: string; accountHolder: string; signedOn: string };
}) {
  const { db, actor, input } = o;
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, o.clientId), eq(clients.organisationId, actor.organisationId)));
  if (!client) throw notFound('Ce client');
  const iban = checkIban(input.iban);
  if (!iban.ok) throw ruleBroken('invalid_iban', iban.message, [{ path: 'iban', message: iban.message }]);
  const bic = normaliseBic(input.bic);
  if (!isBic(bic))
    throw ruleBroken('invalid_bic', 'Ce BIC n’est pas valide (8 ou 11 caractères).', [
      { path: 'bic', message: '8 ou 11 caractères' },
    ]);
  return db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: sepaMandates.id })
      .from(sepaMandates)
      .where(and(eq(sepaMandates.organisationId, actor.organisationId), eq(sepaMandates.rum, input.rum)));
    if (same)
      throw ruleBroken('rum_taken', 'Cette référence de mandat (RUM) est déjà utilisée : chaque mandat a la sienne.', [
        { path: 'rum', message: 'Déjà utilisée' },
      ]);
    await tx
      .update(sepaMandates)
      .set({ revokedOn: input.signedOn })
      .where(
        and(
          eq(sepaMandates.organisationId, actor.organisationId),
          eq(sepaMandates.clientId, client.id),
          isNull(sepaMandates.revokedOn),
        ),
      );
    const [row] = await tx
      .insert(sepaMandates)
      .values({
        organisationId: actor.organisationId,
        clientId: client.id,
        rum: input.rum,
        iban: iban.iban,
        bic,
        accountHolder: input.accountHolder,
        signedOn: input.signedOn,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'sepa_mandate.record',
      recordType: 'client',
      recordId: client.id,
      details: { rum: row.rum, iban: maskIban(row.iban) },
    });
    return row;
  });
}
