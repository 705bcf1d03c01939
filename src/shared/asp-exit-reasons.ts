/**
 * Exit reasons of the ASP's monthly follow-up of IAE employees, grouped by the State's exit categories
 * (DGEFP typology used by the ASP extranet IAE 2.0 — the ASP's own reference tables RefMotifSort / RefCategorieSort,
 * as the GIP de l'inclusion's public code reads them in gip-inclusion/pilotage-airflow: sorties vers l'emploi
 * durable, vers un emploi de transition, sorties positives, autres sorties, retraits des sorties constatées).
 * Source of the wording: "Les sorties dynamiques dans l'IAE",
 * communaute.inclusion.beta.gouv.fr/forum/les-sorties-dynamiques-dans-liae-115 (GIP de l'inclusion), which
 * restates the DGEFP definitions. The key is Passerelle's stable code (the ASP's numeric rms_code is not published
 * in full); the label is the ASP's wording, carried in the export beside the category.
 * Shared by the server (checks, export) and the web app (the exit form's list).
 */
export const ASP_EXIT_REASONS = {
  cdi: { category: 'durable', label: 'Embauche en CDI' },
  cdd_6_months_or_more: { category: 'durable', label: 'CDD ou mission d’intérim de 6 mois et plus' },
  civil_service: { category: 'durable', label: 'Stage ou titularisation dans la fonction publique' },
  business_creation: { category: 'durable', label: 'Création d’entreprise' },
  cdd_under_6_months: { category: 'transition', label: 'CDD ou mission d’intérim de moins de 6 mois' },
  subsidised_contract: { category: 'transition', label: 'Contrat aidé chez un employeur de droit commun' },
  qualifying_training: { category: 'positive', label: 'Entrée en formation pré-qualifiante ou qualifiante' },
  other_siae: { category: 'positive', label: 'Embauche dans une autre SIAE' },
  unemployed: { category: 'other', label: 'Au chômage' },
  inactive: { category: 'other', label: 'Inactif' },
  no_news: { category: 'other', label: 'Sans nouvelles' },
  other: { category: 'other', label: 'Autre sortie' },
  long_sickness: { category: 'withdrawn', label: 'Congé de longue maladie' },
  incarceration: { category: 'withdrawn', label: 'Incarcération' },
  moved: { category: 'withdrawn', label: 'Déménagement' },
  death: { category: 'withdrawn', label: 'Décès' },
} as const satisfies Record<
  string,
  { category: 'durable' | 'transition' | 'positive' | 'other' | 'withdrawn'; label: string }
>;

export type AspExitReason = keyof typeof ASP_EXIT_REASONS;
export const ASP_EXIT_REASON_CODES = Object.keys(ASP_EXIT_REASONS) as [AspExitReason, ...AspExitReason[]];

/** The reasons of one exit category, for the exit form's list. */
export const aspReasonsOf = (category: string) =>
  (Object.entries(ASP_EXIT_REASONS) as [AspExitReason, { category: string; label: string }][])
    .filter(([, r]) => r.category === category)
    .map(([value, r]) => ({ value, label: r.label }));
