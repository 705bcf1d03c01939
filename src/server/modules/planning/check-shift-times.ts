import { conflict, validationFailed } from '../../http/errors.js';
import { MAX_SHIFT_MINUTES } from './rules/assignment.js';

/** Bad times are refused before anything is read or written (API.md: a clear error, nothing changed). */
export function assertShiftTimes(start: Date, end: Date, path = 'end') {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw validationFailed([{ path: 'start', message: 'Date et heure invalides.' }]);
  }
  if (end.getTime() <= start.getTime()) {
    throw validationFailed(
      [{ path, message: 'La fin du créneau doit être après son début.' }],
      'Le créneau finit avant de commencer.',
    );
  }
  if (end.getTime() - start.getTime() > MAX_SHIFT_MINUTES * 60_000) {
    throw validationFailed(
      [{ path, message: 'Un créneau dure au plus 12 heures.' }],
      'Un créneau ne peut pas durer plus de 12 heures.',
    );
  }
}

/** The database's exclusion constraint (shifts_no_overlap) caught a race: same answer as the rule. */
export function isOverlapViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

export function overlapConflict(workerName: string) {
  return conflict(
    'worker_overlap',
    `${workerName} a déjà un créneau qui chevauche celui-ci (il vient d’être affecté par quelqu’un d’autre) : choisissez une autre personne ou un autre horaire.`,
  );
}
