/** The payroll and State exports' contract: the monthly CSV files and the yearly aide au poste estimate. */
import { z } from 'zod';
import { endpoint } from './http.js';

const OrgParams = z.object({ orgId: z.uuid() });
const MonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

export const AideAuPosteView = z.object({
  year: z.number().int(),
  minutesWorked: z.number().int(),
  etp: z.number(),
  conventionEtp: z.number().nullable(),
  etpRetained: z.number(),
  centsPerEtp: z.number().int(),
  amountCents: z.number().int(),
  capped: z.boolean(),
});
export type AideAuPoste = z.infer<typeof AideAuPosteView>;

export const payrollApi = {
  /** One row per worker and pay element (a file: link to it with `urlOf`). */
  payrollCsv: { method: 'GET', path: '/api/orgs/:orgId/exports/payroll', params: OrgParams, query: MonthQuery },
  /** Per worker: hours worked, hours billed, missions, ETP share. */
  aspMonthlyCsv: { method: 'GET', path: '/api/orgs/:orgId/exports/asp-monthly', params: OrgParams, query: MonthQuery },
  aideAuPoste: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/exports/aide-au-poste',
    params: OrgParams,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: AideAuPosteView,
  }),
} as const;
