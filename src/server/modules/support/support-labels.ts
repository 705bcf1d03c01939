import type { BarrierCategory } from './schema.js';

export const BARRIER_LABELS: Record<BarrierCategory, string> = {
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

export const BARRIER_STATUS_LABELS = {
  identified: 'repéré',
  in_progress: 'en cours de levée',
  lifted: 'levé',
} as const;
