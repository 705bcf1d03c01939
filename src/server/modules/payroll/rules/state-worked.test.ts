import { describe, expect, test } from 'vitest';
import { type StateEntry, stateWorkedMinutes } from './state-worked.js';

const h = (iso: string) => Date.parse(iso);
const shift = { startMs: h('2026-10-05T08:00:00Z'), endMs: h('2026-10-05T12:00:00Z') };
const entry = (o: Partial<StateEntry>): StateEntry => ({
  startMs: h('2026-10-05T08:30:00Z'),
  endMs: h('2026-10-05T12:00:00Z'),
  breakMinutes: 15,
  timesheetStatus: 'validated',
  ...o,
});
const after = h('2026-11-01T00:00:00Z');

// Source: ASP monthly follow-up of IAE employees counts hours worked (aide au poste on hours worked,
// Code du travail R5132-23); issue 15 item 9: validated timesheets, or past shifts not disputed.
describe('hours worked for the State', () => {
  test.each<[string, StateEntry | null, number, number]>([
    ['a validated timesheet: its actual times minus the break', entry({}), after, 195],
    [
      'a timesheet sent, not yet validated, on a past shift: the planned hours',
      entry({ timesheetStatus: 'sent' }),
      after,
      240,
    ],
    ['a past shift without timesheet: the planned hours', null, after, 240],
    ['a disputed timesheet: not counted', entry({ timesheetStatus: 'disputed' }), after, 0],
    ['a shift still to come: never counted', null, h('2026-10-05T10:00:00Z'), 0],
    ['a shift planned next month: never counted', null, h('2026-10-01T00:00:00Z'), 0],
  ])('%s', (_, e, now, minutes) => expect(stateWorkedMinutes(shift, e, now)).toBe(minutes));
});
