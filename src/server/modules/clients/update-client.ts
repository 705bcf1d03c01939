import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCommune } from '../geo/communes.js';
import { checkClientFacts, type UpdateClientInput } from './client-input.js';
import { findClient } from './find-client.js';
import { resolveLegalForm } from './legal-forms.js';
import { presentClient } from './present-client.js';
import { economicDismissalUntil } from './rules/economic-dismissal.js';
import { clients } from './schema.js';

export type UpdateClientOptions = { db: Db; actor: OrgActor; clientId: string; input: UpdateClientInput };

/** Changes what was given, leaves the rest; the legal flags are audited. */
export async function updateClient({ db, actor, clientId, input }: UpdateClientOptions) {
  return db.transaction(async (tx) => {
    const before = await findClient(tx, actor, clientId);
    const kind = input.kind ?? before.kind;
    const { siret } = checkClientFacts({
      kind,
      siret: input.siret === undefined ? before.siret : input.siret,
      communeCode: input.address?.communeCode,
      legalForm: input.legalForm === undefined ? before.legalForm : input.legalForm,
    });
    const set: Partial<typeof clients.$inferInsert> = { updatedAt: new Date(), siret, kind };
    if (input.name !== undefined) set.name = input.name;
    if (input.address) {
      const c = findCommune(input.address.communeCode)!;
      Object.assign(set, {
        addressLine: input.address.line ?? null,
        postalCode: input.address.postalCode ?? null,
        communeCode: c.code,
        communeName: c.name,
        lat: c.lat,
        lon: c.lon,
      });
    }
    if (input.contact) {
      if (input.contact.name !== undefined) set.contactName = input.contact.name;
      if (input.contact.email !== undefined) set.email = input.contact.email;
      if (input.contact.phone !== undefined) set.phone = input.contact.phone;
    }
    if (input.billing) {
      const b = input.billing;
      if (b.email !== undefined) set.billingEmail = b.email;
      if (b.address !== undefined) set.billingAddress = b.address;
      if (b.paymentTermsDays !== undefined) set.paymentTermsDays = b.paymentTermsDays;
      if (b.chorusServiceCode !== undefined) set.chorusServiceCode = b.chorusServiceCode;
      if (b.chorusCommitmentNumber !== undefined) set.chorusCommitmentNumber = b.chorusCommitmentNumber;
    }
    if (input.forProfit !== undefined) set.forProfit = input.forProfit;
    if (input.legalForm !== undefined) set.legalForm = input.legalForm;
    else if (before.legalForm === null && siret && siret !== before.siret) {
      // A new SIRET on a client whose legal form is unknown: the directory may tell it.
      set.legalForm = await resolveLegalForm({ kind, siret, given: undefined });
    }
    if (input.economicDismissalOn !== undefined) {
      set.economicDismissalOn = input.economicDismissalOn;
      set.economicDismissalUntil = input.economicDismissalOn ? economicDismissalUntil(input.economicDismissalOn) : null;
    }
    if (input.notes !== undefined) set.notes = input.notes;
    if (input.archived !== undefined) set.archivedAt = input.archived ? (before.archivedAt ?? new Date()) : null;
    const [client] = await tx.update(clients).set(set).where(eq(clients.id, before.id)).returning();
    const changed = Object.keys(input);
    await recordAudit({
      db: tx,
      actor,
      action: 'client.update',
      recordType: 'client',
      recordId: client.id,
      details: { changed },
    });
    return presentClient(client);
  });
}
