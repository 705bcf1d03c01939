/** Roles and their French labels: no schema library here, so the smallest pages can import them. */
export const ROLES = [
  'org_admin',
  'placement_officer',
  'support_officer',
  'accountant',
  'client_user',
  'worker',
  'network_coordinator',
] as const;
export type Role = (typeof ROLES)[number];

// Indexable by any string: memberships reach the web app as plain strings.
export const ROLE_LABELS: Record<Role, string> & Record<string, string> = {
  org_admin: 'Direction / administration',
  placement_officer: 'Chargé·e de mission',
  support_officer: 'Accompagnement socio-professionnel',
  accountant: 'Comptabilité',
  client_user: 'Client',
  worker: 'Salarié·e',
  network_coordinator: 'Coordination du réseau',
};

/** Roles an organisation's administrator gives to colleagues. */
export const STAFF_ROLES = ['org_admin', 'placement_officer', 'support_officer', 'accountant'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
