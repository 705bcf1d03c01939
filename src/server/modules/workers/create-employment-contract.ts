import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { findWorker, fullName } from './find-worker.js';
import { presentContract } from './present-worker.js';
import {
  type CddiExtensionReason,
  type ContractKind,
  contractVerdict,
  etpOfWeeklyMinutes,
} from './rules/employment-contract.js';
import { employmentContracts, passes, workers } from './schema.js';

export type ContractInput = {
  kind: ContractKind;
  startDate: string;
  endDate?: string | null;
  weeklyMinutes: number;
  extensionReason?: CddiExtensionReason;
  /** Day of France Travail's decision (CDDI beyond 24 months for a person aged 50+ or RQTH, L5132-11-1). */
  extensionDecisionOn?: string | null;
};

export type CreateEmploymentContractOptions = { db: Db; actor: OrgActor; workerId: string; input: ContractInput };

const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Hires (or re-hires) a worker under a CDDU, CDDI or CDI inclusion, after every rule of the law. */
export async function createEmploymentContract({ db, actor, workerId, input }: CreateEmploymentContractOptions) {
  return db.transaction(async (tx) => {
    const worker = await findWorker(tx, actor, workerId);
    // Serialise contract creation per worker (the exclusion constraint is the last guard).
    await tx.execute(sql`SELECT id FROM workers WHERE id = ${workerId} FOR UPDATE`);
    const contracts = await tx.select().from(employmentContracts).where(eq(employmentContracts.workerId, workerId));
    const settings = await readOrganisationSettings({ db: tx, organisationId: actor.organisationId });
    const runningCdi = await tx
      .select({ weeklyMinutes: employmentContracts.weeklyMinutes })
      .from(employmentContracts)
      .where(
        and(
          eq(employmentContracts.organisationId, actor.organisationId),
          eq(employmentContracts.kind, 'cdi_inclusion'),
          or(isNull(employmentContracts.endDate), gte(employmentContracts.endDate, input.startDate)),
        ),
      );
    const firstStart = contracts.map((c) => c.startDate).sort()[0] ?? null;
    const pathwayStart = [firstStart, worker.hiredOn].filter((d): d is string => !!d).sort()[0] ?? null;
    const request = {
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      weeklyMinutes: input.weeklyMinutes,
      extensionReason: input.extensionReason ?? null,
      extensionDecisionOn: input.extensionDecisionOn ?? null,
    };
    const verdict = contractVerdict(request, {
      birthDate: worker.birthDate,
      contracts,
      pathwayStart,
      conventionEtp: settings.conventionEtp,
      cdiInclusionEtp: runningCdi.reduce((s, c) => s + etpOfWeeklyMinutes(c.weeklyMinutes), 0),
    });
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    // PASS IAE required for every insertion hire (since 1 Dec 2021).
    const [pass] = await tx
      .select({ id: passes.id })
      .from(passes)
      .where(
        and(
          eq(passes.workerId, workerId),
          sql`${passes.startDate} <= ${input.startDate}`,
          sql`${passes.endDate} >= ${input.startDate}`,
        ),
      )
      .limit(1);
    if (!pass)
      throw ruleBroken(
        'pass_not_valid',
        `${fullName(worker)} n’a pas de PASS IAE valide le ${fr(input.startDate)} : enregistrez le PASS avant le contrat.`,
      );
    const [row] = await tx
      .insert(employmentContracts)
      .values({ organisationId: actor.organisationId, workerId, ...request })
      .returning();
    if (!worker.hiredOn || worker.hiredOn > input.startDate)
      await tx.update(workers).set({ hiredOn: input.startDate }).where(eq(workers.id, workerId));
    await recordAudit({
      db: tx,
      actor,
      action: 'employment_contract.create',
      recordType: 'employment_contract',
      recordId: row.id,
      details: { workerId, kind: row.kind },
    });
    return presentContract(row);
  });
}
