/** French labels of the workers' enumerations (the server keeps the codes). */
export const LEVEL_1: Record<string, string> = {
  rsa: 'Bénéficiaire du RSA',
  ass: 'Allocataire de l’ASS',
  aah: 'Allocataire de l’AAH',
  very_long_term_unemployed: 'Demandeur d’emploi de très longue durée (24 mois et plus)',
};
export const LEVEL_2: Record<string, string> = {
  low_qualification: 'Niveau d’études 3 ou infra',
  senior_50: 'Senior (50 ans et plus)',
  young_26: 'Jeune de moins de 26 ans',
  ase_leaver: 'Sortant de l’aide sociale à l’enfance',
  long_term_unemployed: 'Demandeur d’emploi de longue durée (12 mois et plus)',
  disabled_worker: 'Travailleur handicapé (RQTH)',
  single_parent: 'Parent isolé',
  homeless: 'Sans hébergement ou hébergé',
  refugee: 'Réfugié ou protection subsidiaire',
  zrr_qpv_resident: 'Résident en ZRR ou en QPV',
  under_justice: 'Personne sous main de justice',
  french_below_a1: 'Français inférieur au niveau A1',
  mobility_problem: 'Problème de mobilité',
};
export const CRITERION_LABELS = { ...LEVEL_1, ...LEVEL_2 };

export const CONTRACT_KINDS: Record<string, string> = {
  cddu: 'CDD d’usage (CDDU)',
  cddi: 'CDD d’insertion (CDDI)',
  cdi_inclusion: 'CDI inclusion (57 ans et plus)',
};
export const CDDI_EXTENSIONS: Record<string, string> = {
  senior_50: 'Salarié·e de 50 ans et plus',
  rqth: 'Travailleur handicapé (RQTH)',
  particular_difficulties: 'Difficultés particulièrement importantes',
  training: 'Formation en cours à terminer',
};
export const PASS_EXTENSIONS: Record<string, string> = {
  rqth: 'Travailleur handicapé (RQTH) — 3 ans au plus',
  senior_50: '50 ans et plus — 5 ans au plus',
  particular_difficulties: 'Difficultés particulières — 3 ans au plus',
  cdi_inclusion_57: 'CDI inclusion à 57 ans et plus — 10 ans au plus',
};
export const CERTIFICATE_KINDS: Record<string, string> = {
  driving_licence: 'Permis de conduire',
  food_hygiene: 'Hygiène alimentaire',
  first_aid: 'Sauveteur secouriste du travail',
  caces: 'CACES',
  electrical: 'Habilitation électrique',
  other: 'Autre',
};
export const WEEKDAYS = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'];
export const EXIT_CATEGORIES: Record<string, string> = {
  durable: 'Emploi durable',
  transition: 'Emploi de transition',
  positive: 'Sortie positive',
  other: 'Autre sortie',
  withdrawn: 'Retrait',
};
