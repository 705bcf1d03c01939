export { BARRIER_LABELS } from '../../../shared/support.js';

export const BARRIER_STATUS_LABELS = {
  identified: 'repéré',
  in_progress: 'en cours de levée',
  lifted: 'levé',
} as const;
