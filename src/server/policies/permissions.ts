import type { Role } from '../modules/accounts/schema.js';

const back = ['org_admin', 'placement_officer', 'support_officer', 'accountant'] as const;
const placement = ['org_admin', 'placement_officer'] as const;
const support = ['org_admin', 'support_officer'] as const;
const money = ['org_admin', 'accountant'] as const;

/**
 * The one table of who may do what (role × action). Every route names its action through `can()`;
 * the web app reads the same table (via /api/me) so that it never shows a button that would answer 403.
 * client_user and worker are further narrowed to their own client or worker inside each operation.
 */
export const permissions = {
  // organisation and its people
  'organisation.read': [...back, 'client_user', 'worker'],
  'organisation.update': ['org_admin'],
  'member.manage': ['org_admin'],
  // giving a client's contact the portal, a worker their phone page (by email or printed code)
  'client.access.manage': placement,
  'worker.access.manage': [...placement, 'support_officer'],
  'audit.read': ['org_admin'],
  // needs routed to the AI
  'need.read': [...placement, 'client_user'],
  'need.claim': placement,
  'need.diagnose': placement,
  // clients, rates, quotes, placement contracts
  'client.read': [...placement, 'accountant', 'support_officer'],
  'client.write': placement,
  'rate.read': [...placement, 'accountant'],
  'rate.write': ['org_admin', 'accountant'],
  'quote.read': [...placement, 'accountant', 'client_user'],
  'quote.write': placement,
  'quote.accept': [...placement, 'client_user'],
  'placement_contract.read': [...placement, 'accountant', 'client_user'],
  'placement_contract.write': placement,
  // workers, eligibility, contracts, support
  'worker.read': back,
  'worker.write': [...placement, 'support_officer'],
  'eligibility.write': support,
  'employment_contract.write': support,
  'support.read': support,
  'support.write': support,
  'exit.write': support,
  // « déclarer une embauche »: the client declares it hires a worker, the support staff confirm the exit
  'hire.declare': ['client_user'],
  'hire.read': [...support, 'client_user'],
  'hire.confirm': support,
  'worker.export': support,
  'unavailability.read': [...back, 'worker'],
  'unavailability.write': [...placement, 'support_officer', 'worker'],
  // planning
  'mission.read': [...back, 'client_user'],
  'mission.write': placement,
  'shift.read': [...back, 'client_user', 'worker'],
  'shift.write': placement,
  'shift.assign': placement,
  'absence.declare': [...placement, 'support_officer', 'client_user', 'worker'],
  // The client asks for another person on its shift; a worker declares an absence instead.
  'shift.replacement_request': ['client_user'],
  'candidate.read': placement,
  'planning.autoplan': placement,
  'pooling.answer': placement,
  // the worker's own page
  'self.read': ['worker'],
  'self.respond': ['worker'],
  // timesheets, billing, exports, reports
  'timesheet.read': [...placement, 'accountant', 'client_user'],
  'timesheet.write': [...placement, 'accountant', 'worker'],
  // Preparing, sending and settling disputes: the back office only (a worker corrects their own hours).
  'timesheet.manage': [...placement, 'accountant'],
  'self.hours.correct': ['worker'],
  'timesheet.validate': [...placement, 'client_user'],
  'month.close': [...placement, 'accountant'],
  'month.force_close': money,
  // Closing a month before its last day issues invoices that can never be edited: the director alone.
  'month.close_running': ['org_admin'],
  'invoice.read': [...money, 'placement_officer', 'client_user'],
  'invoice.write': money,
  'payment.write': money,
  'export.read': money,
  'report.read': [...back],
  // home page counts (each tile filtered again by its own action) and the AI dashboard
  'home.read': [...back, 'client_user'],
  'dashboard.read': money,
  'settings.write': ['org_admin'],
  // bringing an AI's existing files in, and taking all its data out (never locked in)
  'data.import': ['org_admin'],
  'data.export': ['org_admin'],
  // network console
  'network.read': ['network_coordinator'],
  'network.member.manage': ['network_coordinator'],
  'network.directory.write': ['network_coordinator'],
  'network.need.read': ['network_coordinator'],
  'network.need.route': ['network_coordinator'],
  'network.stats.read': ['network_coordinator'],
  'network.pooling.read': ['network_coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function roleAllows(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/** The actions a role may take, for the web app's navigation. */
export function actionsOf(role: Role): Action[] {
  return (Object.keys(permissions) as Action[]).filter((a) => roleAllows(role, a));
}
