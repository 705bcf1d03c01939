import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/schema.js';
import { checkIban, isBic, normaliseBic } from './rules/iban.js';
import { urssafRegistrations } from './schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** The client's consent and the identity URSSAF's /particulier asks for (field by field, InputParticulierDTO). */
export const UrssafFileInput = z.strictObject({
  consentOn: z.iso.date().nullable(),
  civilite: z.enum(['1', '2']).nullable(),
  birthName: text(80).nullable(),
  usageName: text(80).nullable(),
  firstNames: text(80).nullable(),
  birthDate: z.iso.date().nullable(),
  birthCountryCode: z.string().regex(/^99[0-9]{3}$/, 'Code pays INSEE à 5 chiffres (France : 99100)'),
  birthDepartment: z
    .string()
    .regex(/^[0-9]{2}[0-9AB]?$/, 'Département de naissance : 2 ou 3 caractères (ex. 075, 2A)')
    .nullable(),
  birthCommuneCode: z
    .string()
    .regex(/^[0-9]{3}$/, 'Les 3 derniers chiffres du code INSEE de la commune')
    .nullable(),
  birthCommuneName: text(80).nullable(),
  mobilePhone: z
    .string()
    .regex(/^(\+33|0)[67][0-9]{8}$/, 'Un numéro de portable français (06…, 07… ou +336…)')
    .nullable(),
  email: z.email('Adresse e-mail invalide').nullable(),
  /** Absent: the IBAN recorded stays (screens never show it back whole). */
  iban: z.string().max(40).nullish(),
  bic: z.string().max(11).nullable(),
  accountHolder: text(100).nullable(),
});
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
