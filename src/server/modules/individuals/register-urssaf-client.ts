import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/queries.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { errorReason } from './rules/urssaf-statuses.js';
import { urssafRegistrations } from './schema.js';
import { type InputParticulier, type UrssafApi, UrssafError, urssafApi } from './urssaf-api.js';

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * Registers an individual client with URSSAF (POST /particulier) once they consented: URSSAF checks the identity
 * with the tax administration and answers the idClient the payment requests carry; the client then activates
 * their online account. A refusal is kept with its reason (status rejected) for the accountant to correct.
 */
export async function registerUrssafClient(o: { db: Db; actor: OrgActor; clientId: string; api?: UrssafApi | null }) {
  const { db, actor } = o;
  const api = o.api === undefined ? urssafApi() : o.api;
  const settings = await readOrganisationSettings({ db, organisationId: actor.organisationId });
  if (!api || !settings.avanceImmediate)
    throw ruleBroken(
      'avance_immediate_disabled',
      'L’avance immédiate n’est pas activée : il faut l’adresse de l’API URSSAF (URSSAF_API_URL) et l’option dans les paramètres.',
    );
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, o.clientId), eq(clients.organisationId, actor.organisationId)));
  if (!client) throw notFound('Ce client');
  const [reg] = await db.select().from(urssafRegistrations).where(eq(urssafRegistrations.clientId, client.id));
  if (reg?.status === 'registered') return reg;
  // Still linked at URSSAF (a new registration would be refused): the accountant takes the avance immédiate back.
  if (reg?.status === 'left')
    throw ruleBroken(
      'urssaf_client_left',
      'Ce client a quitté l’avance immédiate : cliquez sur « Reprendre l’avance immédiate » (pas de nouvelle inscription).',
    );
  const missing = [
    !reg?.consentOn && 'l’accord écrit du client',
    !reg?.civilite && 'la civilité',
    !reg?.birthName && 'le nom de naissance',
    !reg?.firstNames && 'les prénoms',
    !reg?.birthDate && 'la date de naissance',
    reg?.birthCountryCode === '99100' && !(reg?.birthDepartment && reg?.birthCommuneCode) && 'le lieu de naissance',
    !reg?.mobilePhone && 'le téléphone portable',
    !reg?.email && 'l’e-mail',
    !(reg?.iban && reg?.bic) && 'l’IBAN et le BIC',
    !(client.postalCode && client.communeCode) && 'l’adresse du client',
  ].filter(Boolean);
  if (!reg || missing.length)
    throw ruleBroken(
      'urssaf_file_incomplete',
      `Pour inscrire le client à l’URSSAF, complétez : ${missing.join(', ')}.`,
    );
  const input: InputParticulier = {
    civilite: reg.civilite as '1' | '2',
    nomNaissance: plain(reg.birthName!).toUpperCase(),
    ...(reg.usageName ? { nomUsage: plain(reg.usageName).toUpperCase() } : {}),
    prenoms: plain(reg.firstNames!),
    dateNaissance: `${reg.birthDate}T00:00:00.000Z`,
    lieuNaissance: {
      codePaysNaissance: reg.birthCountryCode,
      ...(reg.birthCountryCode === '99100'
        ? {
            departementNaissance: reg.birthDepartment!.padStart(3, '0'),
            communeNaissance: { codeCommune: reg.birthCommuneCode!, libelleCommune: reg.birthCommuneName ?? '' },
          }
        : {}),
    },
    numeroTelephonePortable: reg.mobilePhone!,
    adresseMail: reg.email!,
    adressePostale: {
      ...(client.addressLine ? { libelleVoie: client.addressLine } : {}),
      libelleCommune: client.communeName ?? '',
      codeCommune: client.communeCode,
      codePostal: client.postalCode ?? '',
      codePays: '99100',
    },
    coordonneeBancaire: { bic: reg.bic!, iban: reg.iban!, titulaire: reg.accountHolder ?? client.name },
  };
  try {
    const idClient = await api.registerClient(input);
    const [row] = await db
      .update(urssafRegistrations)
      .set({
        status: 'registered',
        urssafClientId: idClient,
        registeredAt: new Date(),
        errorCode: null,
        errorMessage: null,
        updatedAt: new Date(),
      })
      .where(eq(urssafRegistrations.clientId, client.id))
      .returning();
    await recordAudit({ db, actor, action: 'urssaf.client.register', recordType: 'client', recordId: client.id });
    return row;
  } catch (e) {
    if (!(e instanceof UrssafError)) throw e;
    if (e.temporary) throw ruleBroken('urssaf_unavailable', e.message);
    await db
      .update(urssafRegistrations)
      .set({ status: 'rejected', errorCode: e.code, errorMessage: e.message, updatedAt: new Date() })
      .where(eq(urssafRegistrations.clientId, client.id));
    throw ruleBroken('urssaf_refused', `L’URSSAF refuse l’inscription : ${errorReason(e.code, e.message)}`);
  }
}
