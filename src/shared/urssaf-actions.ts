/**
 * The accountant's actions on the avance immédiate (issue 18): send a refused or invalid payment request again, and
 * record that a client leaves the avance immédiate (or comes back). Shared by the server's routes
 * (individuals/urssaf-action-routes.ts) and the web app (billing/UrssafActions.tsx).
 */
import { z } from 'zod';
import { endpoint } from './http.js';
import { ClientIndividualView, UrssafRequestView } from './individuals.js';

const Uuid = z.uuid();

export const LeaveAvanceImmediateBody = z.strictObject({
  /** The day the client left; null: the client comes back. */
  leftOn: z.iso.date().nullable(),
});

export const urssafActionsApi = {
  resendRequest: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/urssaf/requests/:id/resend',
    params: z.object({ orgId: Uuid, id: Uuid }),
    status: 201,
    response: UrssafRequestView,
  }),
  leave: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/clients/:clientId/urssaf/left',
    params: z.object({ orgId: Uuid, clientId: Uuid }),
    body: LeaveAvanceImmediateBody,
    response: ClientIndividualView,
  }),
};
