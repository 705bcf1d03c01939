import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { createSite } from '../clients/manage-sites.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { assertPlacementAllowed } from '../quotes/create-placement-contract.js';
import { placementContracts } from '../quotes/queries.js';
import { dangerousWork } from '../quotes/rules/dangerous-jobs.js';
import { jobOutsideContract } from './rules/contract-scope.js';
import { missions } from './schema.js';

export type CreateMissionOptions = {
  db: Db;
  actor: OrgActor;
  input: {
    placementContractId: string;
    rome: string;
    site?: { line?: string | null; postalCode?: string | null; communeCode: string; name?: string } | null;
    /** One of the contract's client's sites, chosen by id (imports naming a site). */
    siteId?: string;
    startDate: string;
    endDate: string;
    referentUserId?: string | null;
    notes?: string | null;
  };
};

/** A mission under a placement contract: one job at one site between two dates. */
export async function createMission({ db, actor, input }: CreateMissionOptions) {
  if (input.endDate < input.startDate) {
    throw validationFailed([{ path: 'endDate', message: 'La fin de la mission doit suivre son début.' }]);
  }
  const danger = dangerousWork(input.rome);
  if (danger) {
    throw ruleBroken(
      'dangerous_job',
      `Le métier ${romeLabel(input.rome)} (${input.rome}) relève des travaux particulièrement dangereux interdits aux salariés mis à disposition : ${danger}.`,
    );
  }
  return db.transaction(async (tx) => {
    const [contract] = await tx
      .select()
      .from(placementContracts)
      .where(
        and(
          eq(placementContracts.id, input.placementContractId),
          eq(placementContracts.organisationId, actor.organisationId),
        ),
      );
    if (!contract) throw notFound('Ce contrat de mise à disposition');
    if (contract.status === 'cancelled' || contract.status === 'ended') {
      throw ruleBroken(
        'placement_contract_not_active',
        `Le contrat de mise à disposition ${contract.number} n’est plus en cours : établissez un nouveau contrat avant de créer une mission.`,
      );
    }
    if (input.startDate < contract.startDate || input.endDate > contract.endDate) {
      throw ruleBroken(
        'mission_outside_contract',
        `La mission doit se dérouler pendant le contrat de mise à disposition ${contract.number} (du ${fr(contract.startDate)} au ${fr(contract.endDate)}).`,
      );
    }
    let siteId = contract.siteId;
    if (input.siteId) {
      const [chosen] = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(
          and(
            eq(sites.id, input.siteId),
            eq(sites.clientId, contract.clientId),
            eq(sites.organisationId, actor.organisationId),
          ),
        );
      if (!chosen) throw notFound('Ce lieu d’intervention');
      siteId = chosen.id;
    } else if (input.site) {
      const existing = (
        await tx
          .select({ id: sites.id, line: sites.addressLine, commune: sites.communeCode })
          .from(sites)
          .where(and(eq(sites.clientId, contract.clientId), eq(sites.organisationId, actor.organisationId)))
      ).find((s) => s.commune === input.site!.communeCode && (s.line ?? '') === (input.site!.line ?? ''));
      siteId =
        existing?.id ??
        (
          await createSite({
            db: tx,
            actor,
            clientId: contract.clientId,
            input: {
              name: input.site.name ?? input.site.line ?? 'Lieu d’intervention',
              address: {
                line: input.site.line ?? undefined,
                postalCode: input.site.postalCode ?? undefined,
                communeCode: input.site.communeCode,
              } as never,
            },
          })
        ).id;
    }
    if (!siteId) {
      const [first] = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.clientId, contract.clientId), eq(sites.organisationId, actor.organisationId)))
        .orderBy(asc(sites.createdAt))
        .limit(1);
      if (!first) {
        throw validationFailed([{ path: 'site', message: 'Indiquez le lieu d’intervention de cette mission.' }]);
      }
      siteId = first.id;
    }
    // The mission stays inside its contract: one of its jobs (R5132-20), at a site of the convention's
    // territory (R5132-19), with the contract's other placement rules.
    if (jobOutsideContract(input.rome, contract.romeCodes)) {
      throw ruleBroken(
        'job_outside_contract',
        `Le métier ${romeLabel(input.rome)} (${input.rome}) ne figure pas dans le contrat de mise à disposition ${contract.number} (art. R5132-20 du Code du travail) : établissez un avenant ou un nouveau devis pour ce métier.`,
      );
    }
    const [client] = await tx.select().from(clients).where(eq(clients.id, contract.clientId));
    const [site] = await tx.select().from(sites).where(eq(sites.id, siteId));
    await assertPlacementAllowed(tx, {
      organisationId: actor.organisationId,
      client,
      site,
      romeCodes: [input.rome],
      startDate: input.startDate,
    });
    const [mission] = await tx
      .insert(missions)
      .values({
        organisationId: actor.organisationId,
        placementContractId: contract.id,
        clientId: contract.clientId,
        siteId,
        rome: input.rome,
        startDate: input.startDate,
        endDate: input.endDate,
        referentUserId: input.referentUserId ?? actor.userId,
        notes: input.notes ?? null,
      })
      .returning();
    await recordAudit({ db: tx, actor, action: 'mission.create', recordType: 'mission', recordId: mission.id });
    return { ...mission, romeLabel: romeLabel(mission.rome) };
  });
}

const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
