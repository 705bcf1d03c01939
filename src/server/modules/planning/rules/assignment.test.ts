import { describe, expect, test } from 'vitest';
import { parisInstant } from '../../calendar/paris-time.js';
import { checkAssignment, makeSlot, type WorkerFacts } from './assignment.js';
import { hoursCapVerdict } from './hours-cap.js';

/** A worker who may take anything on 2026-12-07 (Monday), unless a case changes one fact. */
function worker(patch: Partial<WorkerFacts> = {}): WorkerFacts {
  return {
    id: 'w1',
    organisationId: 'o1',
    name: 'Awa Diallo',
    firstName: 'Awa',
    lat: 48.79,
    lon: 2.45,
    maxMinutesPerWeek: 35 * 60,
    weeklyAvailability: {},
    derogationFrom: null,
    derogationTo: null,
    targetJobs: [],
    jobs: new Map([['J1301', 2]]),
    passes: [{ startDate: '2026-01-01', endDate: '2027-12-31' }],
    contracts: [{ startDate: '2026-01-01', endDate: null, weeklyMinutes: 26 * 60 }],
    unavailable: [],
    shifts: [],
    weekMinutes: new Map(),
    monthMinutes: new Map(),
    excludedBy: new Set(),
    continuity: new Map(),
    cap: { windowStart: null, windowEnd: null, countedMinutes: 0, exact: true },
    ...patch,
  };
}

const t = (date: string, time: string) => parisInstant(date, time).getTime();
const fullTime = [{ startDate: '2026-01-01', endDate: null, weeklyMinutes: 35 * 60 }];
const slot = (o: { from?: string; to?: string; date?: string; rome?: string; counts?: boolean } = {}) =>
  makeSlot({
    id: 's1',
    start: parisInstant(o.date ?? '2026-12-07', o.from ?? '08:00'),
    end: parisInstant(
      (o.to ?? '12:00') <= (o.from ?? '08:00') ? '2026-12-08' : (o.date ?? '2026-12-07'),
      o.to ?? '12:00',
    ),
    clientId: 'c1',
    clientName: 'EHPAD Les Tilleuls',
    clientCounts: o.counts ?? false,
    rome: o.rome ?? 'J1301',
  });
const busy = (date: string, from: string, to: string, nextDay = false) => ({
  id: 'other',
  startMs: t(date, from),
  endMs: t(nextDay ? '2026-12-08' : date, to),
  startDate: date,
  clientName: 'Mme Martin',
});

describe('every hard constraint of an assignment (PRODUCT.md, planning)', () => {
  test.each([
    ['a worker who passes every rule', slot(), worker(), 'ok'],
    [
      'another shift at the same time (one worker, one place)',
      slot(),
      worker({ shifts: [busy('2026-12-07', '11:00', '13:00')] }),
      'worker_overlap',
    ],
    [
      'back-to-back shifts the same day are fine',
      slot(),
      worker({ shifts: [busy('2026-12-07', '12:00', '14:00')] }),
      'ok',
    ],
    [
      'a PASS IAE that ended the day before (L5132-8)',
      slot(),
      worker({ passes: [{ startDate: '2024-12-07', endDate: '2026-12-06' }] }),
      'pass_not_valid',
    ],
    ['no PASS IAE at all', slot(), worker({ passes: [] }), 'pass_not_valid'],
    [
      'a day the PASS IAE is suspended (les-emplois Approval.is_suspended)',
      slot(),
      worker({
        passes: [
          {
            startDate: '2026-01-01',
            endDate: '2027-12-31',
            suspensions: [{ startDate: '2026-12-01', endDate: '2026-12-31' }],
          },
        ],
      }),
      'pass_not_valid',
    ],
    [
      'a night shift ending on a day without PASS',
      slot({ from: '21:00', to: '07:00' }),
      worker({ passes: [{ startDate: '2025-01-01', endDate: '2026-12-07' }] }),
      'pass_not_valid',
    ],
    [
      '480 h reached with a counted user (L5132-9)',
      slot({ counts: true }),
      worker({ cap: { windowStart: '2026-01-05', windowEnd: '2028-01-04', countedMinutes: 479 * 60, exact: true } }),
      'enterprise_hours_cap',
    ],
    [
      '480 h reached, but the user does not count',
      slot({ counts: false }),
      worker({ cap: { windowStart: '2026-01-05', windowEnd: '2028-01-04', countedMinutes: 479 * 60, exact: true } }),
      'ok',
    ],
    [
      '480 h reached, with a prefect’s derogation',
      slot({ counts: true }),
      worker({
        derogationFrom: '2026-11-01',
        derogationTo: null,
        cap: { windowStart: '2026-01-05', windowEnd: '2028-01-04', countedMinutes: 479 * 60, exact: true },
      }),
      'ok',
    ],
    [
      '480 h reached in a window that has ended',
      slot({ counts: true }),
      worker({ cap: { windowStart: '2024-01-05', windowEnd: '2026-01-04', countedMinutes: 480 * 60, exact: true } }),
      'ok',
    ],
    [
      'no employment contract covering the day',
      slot(),
      worker({ contracts: [{ startDate: '2026-01-01', endDate: '2026-11-30', weeklyMinutes: 1200 }] }),
      'no_employment_contract',
    ],
    [
      'particularly dangerous work (D4154-1)',
      slot({ rome: 'K2305' }),
      worker({ jobs: new Map([['K2305', 3]]) }),
      'dangerous_job',
    ],
    ['a job the worker does not hold', slot({ rome: 'G1605' }), worker(), 'job_not_held'],
    [
      'the client asked not to receive this worker',
      slot(),
      worker({ excludedBy: new Set(['c1']) }),
      'worker_excluded_by_client',
    ],
    [
      'a declared unavailability',
      slot(),
      worker({
        unavailable: [{ startMs: t('2026-12-07', '09:00'), endMs: t('2026-12-07', '10:00'), reason: 'rendez-vous' }],
      }),
      'worker_unavailable',
    ],
    [
      'outside the usual weekly availability',
      slot({ from: '14:00', to: '16:00' }),
      worker({ weeklyAvailability: { '1': [['08:00', '12:00']] } }),
      'worker_unavailable',
    ],
    [
      'inside the usual weekly availability',
      slot(),
      worker({ weeklyAvailability: { '1': [['07:00', '13:00']] } }),
      'ok',
    ],
    [
      'less than 11 h after the previous day’s work (L3131-1)',
      slot({ from: '06:00', to: '10:00' }),
      worker({ shifts: [busy('2026-12-06', '14:00', '22:00')] }),
      'daily_rest',
    ],
    [
      'a split shift on the same day is allowed',
      slot({ from: '17:00', to: '20:00' }),
      worker({ shifts: [busy('2026-12-07', '07:00', '11:00')] }),
      'ok',
    ],
    [
      'over the worker’s weekly maximum',
      slot(),
      worker({ weekMinutes: new Map([['2026-12-07', 32 * 60]]) }),
      'weekly_hours_exceeded',
    ],
    [
      'exactly the weekly maximum (a full-time contract: no complementary-hours bound)',
      slot(),
      worker({ contracts: fullTime, weekMinutes: new Map([['2026-12-07', 31 * 60]]) }),
      'ok',
    ],
    [
      'never more than 48 h a week (L3121-20)',
      slot(),
      worker({ maxMinutesPerWeek: null, weekMinutes: new Map([['2026-12-07', 45 * 60]]) }),
      'weekly_hours_exceeded',
    ],
  ])('%s', (_, s, w, expected) => {
    const verdict = checkAssignment(s, w);
    expect(verdict.ok ? 'ok' : verdict.violation.code).toBe(expected);
    if (!verdict.ok) expect(verdict.violation.message).toMatch(/Awa Diallo|K2305/);
  });

  test('warns from 80 % of the 480 h cap', () => {
    const verdict = checkAssignment(
      slot({ counts: true }),
      worker({ cap: { windowStart: '2026-01-05', windowEnd: '2028-01-04', countedMinutes: 400 * 60, exact: true } }),
    );
    expect(verdict.ok && verdict.warnings[0]).toMatch(/404 h sur les 480 h/);
  });
});

/** Working time (Code du travail), through checkAssignment: every path (assign, move, auto-plan, accept) uses it. */
describe('working time bounds every assignment', () => {
  const shiftsOn = (days: string[], from: string, to: string) =>
    days.map((day, i) => ({ ...busy(day, from, to), id: `o${i}` }));
  test.each([
    [
      'more than 10 h of work in a day (L3121-18)',
      slot({ from: '14:00', to: '20:00' }),
      worker({ contracts: fullTime, shifts: [busy('2026-12-07', '06:00', '11:00')] }),
      'daily_hours_exceeded',
    ],
    [
      'exactly 10 h in a day (L3121-18)',
      slot({ from: '14:00', to: '19:00' }),
      worker({ contracts: fullTime, shifts: [busy('2026-12-07', '06:00', '11:00')] }),
      'ok',
    ],
    [
      '11 h allowed when the organisation’s agreement raises the daily maximum (L3121-19)',
      slot({ from: '14:00', to: '20:00' }),
      worker({
        contracts: fullTime,
        shifts: [busy('2026-12-07', '06:00', '11:00')],
        limits: { dailyMaxMinutes: 12 * 60, complementaryShare: 0.1 },
      }),
      'ok',
    ],
    [
      'a part-time contract of 26 h: 28 h 36 with complementary hours at most (L3123-20)',
      slot(),
      worker({ weekMinutes: new Map([['2026-12-07', 25 * 60]]) }),
      'contract_hours_exceeded',
    ],
    [
      'a part-time contract of 26 h: within its tenth (L3123-20)',
      slot({ to: '10:00' }),
      worker({ weekMinutes: new Map([['2026-12-07', 26 * 60]]) }),
      'ok',
    ],
    [
      'a third by agreement (L3123-21)',
      slot(),
      worker({
        weekMinutes: new Map([['2026-12-07', 25 * 60]]),
        limits: { dailyMaxMinutes: 600, complementaryShare: 1 / 3 },
      }),
      'ok',
    ],
    [
      'over 44 h on average over 12 weeks (L3121-22)',
      slot(),
      worker({
        contracts: fullTime,
        maxMinutesPerWeek: null,
        weekMinutes: new Map(
          Array.from({ length: 12 }, (_, i) => [
            new Date(Date.UTC(2026, 11, 7 - 7 * i)).toISOString().slice(0, 10),
            44 * 60,
          ]),
        ),
      }),
      'average_weekly_hours_exceeded',
    ],
    [
      'a seventh day of work in the week (L3132-1)',
      slot({ date: '2026-12-13', from: '13:00', to: '15:00' }),
      worker({
        contracts: fullTime,
        shifts: shiftsOn(
          ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12'],
          '08:00',
          '10:00',
        ),
      }),
      'six_days_a_week',
    ],
    [
      'six days of work but no 35 h of rest in the week: Saturday 23:00 to Monday 06:00 is 31 h (L3132-2)',
      slot({ date: '2026-12-10', from: '06:00', to: '08:00' }),
      worker({
        contracts: fullTime,
        shifts: [
          ...shiftsOn(['2026-12-07', '2026-12-08', '2026-12-09'], '06:00', '08:00'),
          ...shiftsOn(['2026-12-11', '2026-12-12'], '06:00', '08:00').map((x) => ({ ...x, id: `p${x.id}` })),
          { ...busy('2026-12-08', '22:00', '23:00'), id: 'late-tue' },
          { ...busy('2026-12-12', '22:00', '23:00'), id: 'late-sat' },
          { ...busy('2026-12-06', '22:00', '23:30'), id: 'late-sun-before' },
          { ...busy('2026-12-14', '06:00', '08:00'), id: 'next-mon' },
        ],
      }),
      'weekly_rest',
    ],
    [
      'a worker under 18 at night (L3163-2)',
      slot({ from: '20:00', to: '23:00' }),
      worker({ contracts: fullTime, birthDate: '2009-06-01', informationVisitDoneOn: '2026-01-10' }),
      'minor_night_work',
    ],
    [
      'a worker under 18: 8 h a day at most (L3162-1)',
      slot({ from: '13:00', to: '18:00' }),
      worker({ contracts: fullTime, birthDate: '2009-06-01', shifts: [busy('2026-12-07', '07:00', '11:00')] }),
      'minor_hours_exceeded',
    ],
    [
      'the same day is fine at 18 (L3162-1 no longer applies)',
      slot({ from: '13:00', to: '18:00' }),
      worker({ contracts: fullTime, birthDate: '2008-12-07', shifts: [busy('2026-12-07', '07:00', '11:00')] }),
      'ok',
    ],
    [
      'night work without the medical information visit (R5132-26-7)',
      slot({ from: '19:00', to: '22:00' }),
      worker({ contracts: fullTime }),
      'information_visit_required',
    ],
    [
      'night work after the medical information visit (R5132-26-7)',
      slot({ from: '19:00', to: '22:00' }),
      worker({ contracts: fullTime, informationVisitDoneOn: '2026-11-02' }),
      'ok',
    ],
  ])('%s', (_, s, w, expected) => {
    const verdict = checkAssignment(s, w);
    expect(verdict.ok ? 'ok' : verdict.violation.code).toBe(expected);
    if (!verdict.ok) expect(verdict.violation.message).toMatch(/art\. [LR]\d/);
  });
});

describe('the 480 h verdict of checkAssignment is hoursCapVerdict (one rule, one function)', () => {
  test.each([0, 20_000, 23_040, 28_380, 28_381, 28_800])('%i minutes already counted', (counted) => {
    const w = worker({
      contracts: fullTime,
      cap: { windowStart: '2026-01-05', windowEnd: '2028-01-04', countedMinutes: counted, exact: true },
    });
    const s = slot({ counts: true });
    const verdict = checkAssignment(s, w);
    const expected = hoursCapVerdict(counted, s.minutes, false).code;
    expect(verdict.ok ? (verdict.warnings.length ? 'warning' : 'ok') : verdict.violation.code).toBe(expected);
  });

  test('a client whose legal form is unknown counts, and the officer is asked to complete it', () => {
    const s = makeSlot({
      start: parisInstant('2026-12-07', '08:00'),
      end: parisInstant('2026-12-07', '12:00'),
      clientId: 'c1',
      clientName: 'Boulangerie Morel',
      clientCounts: true,
      clientLegalFormUnknown: true,
      rome: 'J1301',
    });
    const verdict = checkAssignment(s, worker({ contracts: fullTime }));
    expect(verdict.ok && verdict.warnings.join(' ')).toMatch(/forme juridique de Boulangerie Morel/);
  });
});
