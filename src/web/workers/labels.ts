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
/** CDDI beyond 24 months (L5132-11-1): only these cases, up to 60 months. */
export const CDDI_EXTENSIONS: Record<string, string> = {
  training: 'Formation en cours à terminer',
  senior_50: '50 ans et plus, sur décision de France Travail',
  rqth: 'Travailleur handicapé reconnu, sur décision de France Travail',
};
/** PASS prolongations (les-emplois): the cap counts every prolongation of the pathway. */
export const PASS_EXTENSIONS: Record<string, string> = {
  training: 'Fin d’une formation — parcours prolongé de 2 ans au plus',
  rqth: 'Travailleur handicapé (RQTH) — 3 ans au plus',
  senior_50: '50 ans et plus — 5 ans au plus',
  particular_difficulties: 'Difficultés particulières — 3 ans au plus',
  cdi_inclusion_57: 'CDI conclu à 57 ans et plus — 10 ans au plus',
};
/** Prolongations that wait for the authorised prescriber's decision before they count. */
export const PASS_EXTENSIONS_NEEDING_PRESCRIBER = ['rqth', 'senior_50', 'particular_difficulties'];
export const EXTENSION_STATUSES: Record<string, string> = {
  pending: 'en attente de la décision du prescripteur',
  granted: 'accordée',
  refused: 'refusée',
};
/** Suspension reasons of les-emplois: the four offered today, then the former ones kept for history. */
export const SUSPENSION_REASONS: Record<string, string> = {
  contract_suspended: 'Contrat de travail suspendu depuis plus de 15 jours',
  contract_broken: 'Contrat de travail rompu',
  finished_contract: 'Contrat de travail terminé',
  approval_between_cta_members: 'Situation faisant l’objet d’un accord entre les acteurs membres du CTA',
  sickness: 'Arrêt pour longue maladie',
  maternity: 'Congé de maternité',
  incarceration: 'Incarcération',
  trial_outside_iae: 'Période d’essai hors IAE',
  detoxification: 'Cure de désintoxication',
  force_majeure: 'Force majeure',
  unspecified: 'Motif saisi avant la liste officielle',
};
export const CURRENT_SUSPENSION_REASONS = [
  'contract_suspended',
  'contract_broken',
  'finished_contract',
  'approval_between_cta_members',
];
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
