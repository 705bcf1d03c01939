export const BARRIERS: Record<string, string> = {
  housing: 'Logement',
  mobility: 'Mobilité',
  health: 'Santé',
  childcare_family: 'Garde d’enfants / famille',
  french_literacy: 'Français / savoirs de base',
  justice: 'Justice',
  debt_finances: 'Dettes / finances',
  digital: 'Numérique',
  administrative_rights: 'Démarches administratives / droits',
  availability: 'Disponibilité',
};
export const BARRIER_STATUSES: Record<string, string> = {
  identified: 'Repéré',
  in_progress: 'En cours de levée',
  lifted: 'Levé',
};
export const INTENSITIES: Record<string, string> = { '1': 'Léger', '2': 'Important', '3': 'Bloquant' };
export const INTERVIEW_KINDS: Record<string, string> = {
  reception: 'Accueil',
  follow_up: 'Suivi',
  assessment: 'Bilan',
  exit: 'Sortie',
  other: 'Autre',
};
export const STEP_STATUSES: Record<string, string> = {
  todo: 'À faire',
  in_progress: 'En cours',
  done: 'Fait',
  skipped: 'Sans objet',
};
export const TRAINING_STATUSES: Record<string, string> = {
  planned: 'Prévue',
  in_progress: 'En cours',
  completed: 'Terminée',
  abandoned: 'Abandonnée',
};
export const EXITS: Record<string, string> = {
  durable: 'Emploi durable (CDI, CDD ou intérim de 6 mois et plus, fonction publique, création d’entreprise)',
  transition: 'Emploi de transition (CDD ou intérim de moins de 6 mois, contrat aidé)',
  positive: 'Sortie positive (formation qualifiante, autre SIAE)',
  other: 'Autre sortie',
  withdrawn: 'Retrait (sortie neutre)',
};
