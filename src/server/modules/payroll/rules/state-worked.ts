/**
 * Hours worked for the State (ASP monthly follow-up, aide au poste): what was worked, never what is merely
 * planned. A shift counts with the times of its validated timesheet entry; without a validated entry, a past
 * shift counts as planned unless its timesheet is disputed (the client contests it: nothing is certain yet);
 * a shift still to come never counts. (ASP: "heures travaillées" of the salarié en insertion, Code du travail
 * R5132-1-4 and the aide au poste paid on hours actually worked, R5132-23.)
 */
export type StateShift = { startMs: number; endMs: number };
export type StateEntry = {
  startMs: number;
  endMs: number;
  breakMinutes: number;
  timesheetStatus: 'draft' | 'sent' | 'disputed' | 'validated';
};

export function stateWorkedMinutes(shift: StateShift, entry: StateEntry | null, nowMs: number): number {
  if (entry?.timesheetStatus === 'validated')
    return Math.max(0, Math.round((entry.endMs - entry.startMs) / 60000) - entry.breakMinutes);
  if (entry?.timesheetStatus === 'disputed') return 0;
  if (shift.endMs > nowMs) return 0;
  return Math.max(0, Math.round((shift.endMs - shift.startMs) / 60000));
}
