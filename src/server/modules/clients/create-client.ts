import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCommune } from '../geo/communes.js';
import { type CreateClientInput, checkClientFacts } from './client-input.js';
import { resolveLegalForm } from './legal-forms.js';
import { presentClient } from './present-client.js';
import { economicDismissalUntil } from './rules/economic-dismissal.js';
import { clients, sites } from './schema.js';

export type CreateClientOptions = { db: Db; actor: OrgActor; input: CreateClientInput; source?: { needId: string } };

/** Creates a client and its first site (its own address): nothing is saved when a field is wrong. */
export async function createClient({ db, actor, input, source }: CreateClientOptions) {
  const { siret } = checkClientFacts({
    kind: input.kind,
    siret: input.siret,
    communeCode: input.address.communeCode,
    legalForm: input.legalForm,
  });
  const commune = findCommune(input.address.communeCode)!;
  // Read before the transaction: the directory may take a few seconds and must not hold a connection.
  const legalForm = await resolveLegalForm({ kind: input.kind, siret, given: input.legalForm });
  return db.transaction(async (tx) => {
    const [client] = await tx
      .insert(clients)
      .values({
        organisationId: actor.organisationId,
        kind: input.kind,
        name: input.name,
        siret,
        addressLine: input.address.line ?? null,
        postalCode: input.address.postalCode ?? null,
        communeCode: commune.code,
        communeName: commune.name,
        lat: commune.lat,
        lon: commune.lon,
        contactName: input.contact.name,
        email: input.contact.email,
        phone: input.contact.phone ?? null,
        forProfit: input.forProfit ?? null,
        billingEmail: input.billing?.email ?? null,
        billingAddress: input.billing?.address ?? null,
        paymentTermsDays: input.billing?.paymentTermsDays ?? 30,
        chorusServiceCode: input.billing?.chorusServiceCode ?? null,
        chorusCommitmentNumber: input.billing?.chorusCommitmentNumber ?? null,
        economicDismissalOn: input.economicDismissalOn ?? null,
        economicDismissalUntil: input.economicDismissalOn ? economicDismissalUntil(input.economicDismissalOn) : null,
        legalForm,
        notes: input.notes ?? null,
      })
      .returning();
    await tx.insert(sites).values({
      organisationId: actor.organisationId,
      clientId: client.id,
      name: input.kind === 'individual' ? 'Domicile' : input.name,
      addressLine: client.addressLine,
      postalCode: client.postalCode,
      communeCode: commune.code,
      communeName: commune.name,
      lat: commune.lat,
      lon: commune.lon,
    });
    await recordAudit({
      db: tx,
      actor,
      action: 'client.create',
      recordType: 'client',
      recordId: client.id,
      details: source ? { fromNeed: source.needId } : undefined,
    });
    return presentClient(client);
  });
}
