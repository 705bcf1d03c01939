import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { siretProblem } from '../directory/rules/siret.js';
import { getNeed } from '../needs/get-need.js';
import { linkNeedToClient } from '../needs/set-need-status.js';
import { createClient } from './create-client.js';

export type CreateClientFromNeedOptions = { db: Db; actor: OrgActor; needId: string };

/**
 * "Create the client in one click": the establishment and contact of a need this AI claimed become a client
 * (with its first site), and the need is linked to it so that the client's portal shows it.
 */
export async function createClientFromNeed({ db, actor, needId }: CreateClientFromNeedOptions) {
  const need = await getNeed({ db, actor, needId });
  if (need.clientId) {
    throw conflict('need_has_client', 'Un client a déjà été créé à partir de ce besoin.', { clientId: need.clientId });
  }
  if (need.claimedBy?.organisationId !== actor.organisationId || !need.contact) {
    throw conflict(
      'need_not_claimed',
      'Prenez d’abord ce besoin en charge : le client se crée à partir d’un besoin de votre structure.',
    );
  }
  const e = need.establishment;
  // The public form offers the clients' kinds (src/shared/clients.ts): the need's kind is the client's.
  const kind = e.kind;
  const siret = e.siret && kind !== 'individual' && !siretProblem(e.siret) ? e.siret : null;
  return db.transaction(async (tx) => {
    const client = await createClient({
      db: tx,
      actor,
      source: { needId },
      input: {
        name: e.name,
        kind,
        siret,
        address: {
          line: e.address.line ?? undefined,
          postalCode: e.address.postalCode && /^\d{5}$/.test(e.address.postalCode) ? e.address.postalCode : undefined,
          communeCode: e.address.communeCode,
        },
        contact: { name: need.contact!.name, email: need.contact!.email, phone: need.contact!.phone ?? undefined },
        notes: `Créé à partir du besoin ${need.reference}.`,
      },
    });
    await linkNeedToClient({ db: tx, actor, needId, clientId: client.id });
    return client;
  });
}
