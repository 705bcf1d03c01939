import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { hasVisibleCharacter } from '../../http/validation.js';
import { recordAudit } from '../audit/record-audit.js';
import { findClient } from './find-client.js';
import { presentContact } from './present-client.js';
import { clientContacts } from './schema.js';

export const ContactBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Indiquez le nom du contact.')
    .max(120)
    .refine(hasVisibleCharacter, 'Indiquez le nom du contact.'),
  role: z.string().trim().max(120).nullable().optional(),
  email: z.email('Adresse e-mail invalide.').max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});
export type ContactInput = z.infer<typeof ContactBody>;

export async function createContact(o: { db: Db; actor: OrgActor; clientId: string; input: ContactInput }) {
  const client = await findClient(o.db, o.actor, o.clientId);
  return o.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clientContacts)
      .values({
        organisationId: o.actor.organisationId,
        clientId: client.id,
        name: o.input.name,
        role: o.input.role ?? null,
        email: o.input.email ?? null,
        phone: o.input.phone ?? null,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'client_contact.create',
      recordType: 'client',
      recordId: client.id,
    });
    return presentContact(row);
  });
}

export async function deleteContact(o: { db: Db; actor: OrgActor; clientId: string; contactId: string }) {
  await findClient(o.db, o.actor, o.clientId);
  await o.db.transaction(async (tx) => {
    const rows = await tx
      .delete(clientContacts)
      .where(
        and(
          eq(clientContacts.id, o.contactId),
          eq(clientContacts.clientId, o.clientId),
          eq(clientContacts.organisationId, o.actor.organisationId),
        ),
      )
      .returning({ id: clientContacts.id });
    if (rows.length === 0) throw notFound('Ce contact');
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'client_contact.delete',
      recordType: 'client',
      recordId: o.clientId,
    });
  });
}
