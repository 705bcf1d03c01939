import type { ClientKind } from '../schema.js';

export type HoursCapScopeFacts = {
  kind: ClientKind;
  /** For a care home: true when run by a for-profit company (EHPAD commercial). */
  forProfit?: boolean | null;
  /** null/undefined = derived from the kind; true/false = the AI decided otherwise (e.g. an EPIC). */
  countsForHoursCapOverride?: boolean | null;
};

/**
 * Whether hours placed with this client count toward the worker's 480 h cap over 24 months
 * (Code du travail L5132-9, R5132-18): only users that are private-law employers count — companies,
 * for-profit care homes (and EPIC, through the override). Individuals and private non-profits
 * (associations, non-profit care homes and medico-social bodies) are exempt; public bodies are treated
 * as exempt by default (PRODUCT.md: a setting), which the override can change client by client.
 */
export function countsForHoursCap(client: HoursCapScopeFacts): boolean {
  if (client.countsForHoursCapOverride === true || client.countsForHoursCapOverride === false) {
    return client.countsForHoursCapOverride;
  }
  switch (client.kind) {
    case 'company':
      return true;
    case 'care_home':
    case 'medico_social':
      return client.forProfit === true;
    case 'individual':
    case 'association':
    case 'local_authority':
    case 'social_landlord':
    case 'public_body':
      return false;
  }
}
