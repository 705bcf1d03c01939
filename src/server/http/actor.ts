import type { Role } from '../modules/accounts/schema.js';

export type MembershipView = {
  id: string;
  role: Role;
  organisationId: string | null;
  networkId: string | null;
  clientId: string | null;
  workerId: string | null;
  /** The sensitive data right of this membership (policies/sensitive.ts). */
  sensitiveAccess?: boolean;
  name: string;
};

export type SessionUser = {
  sessionId: string;
  user: { id: string; email: string; name: string };
  memberships: MembershipView[];
};

/** The person acting inside one AI; every query of an operation is scoped by organisationId. */
export type OrgActor = {
  userId: string;
  organisationId: string;
  role: Role;
  /** Set for a client_user: the only client whose data it may see. */
  clientId: string | null;
  /** Set for a worker: the only worker whose data it may see. */
  workerId: string | null;
  /** Granted the sensitive data right (policies/sensitive.ts); absent means no. */
  sensitiveAccess?: boolean;
  networkId?: null;
};

/** A network coordinator acting on its network. */
export type NetworkActor = {
  userId: string;
  networkId: string;
  role: 'network_coordinator';
  organisationId?: null;
};
