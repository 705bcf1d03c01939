/**
 * Who counts for the 480 h cap over 24 months (Code du travail L5132-9, R5132-18): the employer's legal
 * nature decides (L2211-1), never the client's sector. The legal form is the INSEE catégorie juridique
 * (data/insee-categories-juridiques.csv, level 2 or 3), or PRIVATE_INDIVIDUAL for a private person.
 *
 * This is the only copy of the rule in TypeScript. Its SQL twin is hours_cap_counts_legal_form(text)
 * (migration 0027), which keeps the 480 h windows in the database: change both together; the property test
 * hours-cap-scope.property.test.ts compares them on generated legal forms.
 */

/** A private person employing for needs outside any profession (particulier): no INSEE category. */
export const PRIVATE_INDIVIDUAL = 'private_individual';

export type HoursCapGroup =
  | 'unknown'
  | 'private_individual'
  | 'private_non_profit'
  | 'state'
  | 'local_authority'
  | 'administrative_public_body'
  | 'epic'
  | 'private_law_employer';

/**
 * The groups of legal forms, each with whether it counts and its source. INSEE prefixes: the longest prefix
 * matching the client's code decides (7371 before 73).
 */
export const HOURS_CAP_GROUPS: Record<
  HoursCapGroup,
  { counts: boolean; prefixes: readonly string[]; label: string; source: string }
> = {
  unknown: {
    counts: true,
    prefixes: [],
    label: 'Forme juridique non renseignée : les heures comptent par prudence',
    source: 'L5132-9 (safe side until the legal form is recorded)',
  },
  private_individual: {
    counts: false,
    prefixes: [],
    label: 'Particulier (hors activité professionnelle)',
    source: 'Code du travail L5132-9, last paragraph: natural persons outside their profession',
  },
  private_non_profit: {
    counts: false,
    // 92 associations, 93 foundations, 82 mutuelles (Code de la mutualité L111-1: non-profit by law).
    prefixes: ['92', '93', '82'],
    label: 'Personne morale de droit privé à but non lucratif (association, fondation, mutuelle)',
    source:
      'Code du travail L5132-9, last paragraph; loi du 1er juillet 1901 art. 1; loi 87-571 art. 18; Code de la mutualité L111-1',
  },
  state: {
    counts: false,
    prefixes: ['71'],
    label: 'État (administration)',
    source: 'Code du travail L5132-9 and L2211-1: the State is not among the employers of L2211-1',
  },
  local_authority: {
    counts: false,
    prefixes: ['72'],
    label: 'Collectivité territoriale',
    source: 'Code du travail L5132-9 and L2211-1: local authorities are not among the employers of L2211-1',
  },
  administrative_public_body: {
    counts: false,
    prefixes: ['73', '74'],
    label: 'Établissement public administratif ou autre personne morale de droit public administratif',
    source: 'Code du travail L5132-9 and L2211-1: administrative public bodies are not among its employers',
  },
  epic: {
    counts: true,
    // 41 EPIC and industrial or commercial régies; 7371 OPH, EPIC by Code de la construction L421-1.
    prefixes: ['41', '7371'],
    label: 'Établissement public à caractère industriel ou commercial (dont office public de l’habitat)',
    source: 'Code du travail L2211-1 (EPIC); Code de la construction et de l’habitation L421-1 (OPH are EPIC)',
  },
  private_law_employer: {
    counts: true,
    // Everything else: individual entrepreneurs, companies (SA d'HLM 5546/5646, commercial care homes),
    // civil and cooperative societies, foreign entities, other private-law bodies (safe side).
    prefixes: ['1', '2', '3', '5', '6', '8', '9'],
    label: 'Employeur de droit privé (entreprise, société, dont SA d’HLM et EHPAD commercial)',
    source: 'Code du travail L5132-9 and L2211-1: private-law employers',
  },
};

/** A stored legal form: a level-2 (2 digits) or level-3 (4 digits) INSEE code, or PRIVATE_INDIVIDUAL. */
export const LEGAL_FORM_PATTERN = /^(?:[0-9]{2}|[0-9]{4}|private_individual)$/;

/** The group of a legal form (null: unknown). */
export function hoursCapGroup(legalForm: string | null | undefined): HoursCapGroup {
  if (!legalForm) return 'unknown';
  if (legalForm === PRIVATE_INDIVIDUAL) return 'private_individual';
  let best: HoursCapGroup = 'private_law_employer';
  let bestLength = 0;
  for (const [group, g] of Object.entries(HOURS_CAP_GROUPS) as [
    HoursCapGroup,
    (typeof HOURS_CAP_GROUPS)[HoursCapGroup],
  ][]) {
    for (const p of g.prefixes) {
      if (legalForm.startsWith(p) && p.length > bestLength) {
        best = group;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/**
 * Whether hours placed with a client of this legal form count toward the worker's 480 h cap. Unknown counts
 * (the safe side): the officer is asked to complete the client's record.
 */
export function countsForHoursCap(legalForm: string | null | undefined): boolean {
  return HOURS_CAP_GROUPS[hoursCapGroup(legalForm)].counts;
}

/**
 * Whether the client is a company by legal form (commercial or civil society, individual entrepreneur,
 * foreign company): the contract of placement must then state the equivalent employee's pay (L5132-9 ff.).
 * EPIC and other private-law bodies are not companies.
 */
export function isCompanyByLegalForm(legalForm: string | null | undefined): boolean {
  if (!legalForm || legalForm === PRIVATE_INDIVIDUAL) return false;
  return /^(1|2|3[12]|5|6)/.test(legalForm) && !legalForm.startsWith('3205') && !legalForm.startsWith('3210');
}
