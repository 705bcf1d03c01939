import { describe, expect, test } from 'vitest';
import {
  type Extension,
  extensionMonthsLeft,
  extensionNeedsPrescriber,
  extensionVerdict,
  newPassVerdict,
  type PassDayState,
  type PassOnDay,
  passDayProblem,
  passEffectiveEnd,
  passStateOn,
  reachedThresholds,
  type Suspension,
  suspensionVerdict,
} from './pass-dates.js';

// Source: PRODUCT.md "PASS IAE … 2 years (end = start + 730 days − 1), suspensions (≤ 36 months each) push the
// end back, extensions of 12 months with caps per reason (RQTH 3 years, 50+ 5 years, particular difficulties
// 3 years, 57+ CDI up to 10 years)"; Code du travail R5132-1-8 to R5132-1-17.
describe('effective end of a PASS IAE', () => {
  test.each<[string, string, Suspension[], Extension[], string]>([
    ['a plain PASS: 730 days', '2026-01-01', [], [], '2027-12-31'],
    ['a PASS starting on a leap year', '2028-01-01', [], [], '2029-12-30'],
    [
      'a 10-day suspension pushes the end 10 days',
      '2026-01-01',
      [{ startDate: '2026-03-01', endDate: '2026-03-10' }],
      [],
      '2028-01-10',
    ],
    [
      'two suspensions add up',
      '2026-01-01',
      [
        { startDate: '2026-03-01', endDate: '2026-03-10' },
        { startDate: '2026-06-01', endDate: '2026-06-30' },
      ],
      [],
      '2028-02-09',
    ],
    ['a 12-month extension', '2026-01-01', [], [{ reason: 'rqth', months: 12 }], '2028-12-31'],
    [
      'an extension and a suspension',
      '2026-01-01',
      [{ startDate: '2026-02-01', endDate: '2026-02-28' }],
      [{ reason: 'senior_50', months: 12 }],
      '2029-01-28',
    ],
    [
      'a prolongation awaiting the prescriber moves nothing (les-emplois ProlongationRequest PENDING)',
      '2026-01-01',
      [],
      [{ reason: 'rqth', months: 12, status: 'pending' }],
      '2027-12-31',
    ],
    [
      'a refused prolongation moves nothing (les-emplois ProlongationRequest DENIED)',
      '2026-01-01',
      [],
      [{ reason: 'senior_50', months: 12, status: 'refused' }],
      '2027-12-31',
    ],
  ])('%s', (_, start, suspensions, extensions, end) =>
    expect(passEffectiveEnd(start, suspensions, extensions)).toBe(end),
  );
});

// Source: les-emplois itou/approvals/models.py Suspension (MAX_DURATION_MONTHS = 36, start within the PASS,
// exclude_overlapping_suspensions); Code du travail R5132-1-14.
describe('suspensions', () => {
  const pass = { startDate: '2026-01-01', endDate: '2027-12-31' };
  const existing = [{ startDate: '2026-03-01', endDate: '2026-03-31' }];
  test.each<[string, Suspension, string]>([
    ['a month (R5132-1-14)', { startDate: '2026-05-01', endDate: '2026-05-31' }, 'ok'],
    ['exactly 36 months (Suspension.MAX_DURATION_MONTHS)', { startDate: '2026-05-01', endDate: '2029-04-30' }, 'ok'],
    ['36 months and a day', { startDate: '2026-05-01', endDate: '2029-05-01' }, 'suspension_too_long'],
    [
      'before the PASS (start_in_approval_boundaries)',
      { startDate: '2025-12-01', endDate: '2026-01-10' },
      'suspension_outside_pass',
    ],
    ['ending before it starts', { startDate: '2026-05-10', endDate: '2026-05-01' }, 'suspension_dates'],
    [
      'overlapping another (exclude_overlapping_suspensions)',
      { startDate: '2026-03-31', endDate: '2026-04-10' },
      'suspension_overlap',
    ],
    ['inside another', { startDate: '2026-03-10', endDate: '2026-03-12' }, 'suspension_overlap'],
    ['the day after another ends', { startDate: '2026-04-01', endDate: '2026-04-10' }, 'ok'],
  ])('%s → %s', (_, s, code) => {
    const v = suspensionVerdict(pass, s, existing);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
});

// Source: les-emplois itou/approvals/models.py CommonProlongation.MAX_CUMULATIVE_DURATION (SENIOR_CDI 10 years,
// COMPLETE_TRAINING 2 years, RQTH 3 years, SENIOR 5 years, PARTICULAR_DIFFICULTIES 3 years) and get_max_end_at;
// R5132-1-8. The whole pathway's prolongations count, whatever their reason: changing reason opens no fresh cap.
describe('prolongations: the pathway cap of the reason asked for', () => {
  const twelve = (reason: Extension['reason'], n: number): Extension[] =>
    Array.from({ length: n }, () => ({ reason, months: 12, status: 'granted' as const }));
  test.each<[string, Extension[], Extension, string]>([
    ['a first RQTH prolongation (RQTH: 3 years)', [], { reason: 'rqth', months: 12 }, 'ok'],
    ['the third RQTH year', twelve('rqth', 2), { reason: 'rqth', months: 12 }, 'ok'],
    ['a fourth RQTH year', twelve('rqth', 3), { reason: 'rqth', months: 12 }, 'pass_extension_cap'],
    ['the fifth 50+ year (SENIOR: 5 years)', twelve('senior_50', 4), { reason: 'senior_50', months: 12 }, 'ok'],
    ['a sixth 50+ year', twelve('senior_50', 5), { reason: 'senior_50', months: 12 }, 'pass_extension_cap'],
    [
      'a fourth year for particular difficulties (PARTICULAR_DIFFICULTIES: 3 years)',
      twelve('particular_difficulties', 3),
      { reason: 'particular_difficulties', months: 12 },
      'pass_extension_cap',
    ],
    [
      'after 3 RQTH years, a 50+ year fits the 5-year SENIOR cap',
      twelve('rqth', 3),
      { reason: 'senior_50', months: 12 },
      'ok',
    ],
    [
      'after 5 years of 50+ prolongations, RQTH opens no fresh 3 years (no 11 years stacked)',
      twelve('senior_50', 5),
      { reason: 'rqth', months: 12 },
      'pass_extension_cap',
    ],
    [
      'after 3 RQTH years, difficulties open no fresh 3 years',
      twelve('rqth', 3),
      { reason: 'particular_difficulties', months: 1 },
      'pass_extension_cap',
    ],
    [
      'finishing a training (COMPLETE_TRAINING: 2 years)',
      twelve('training', 1),
      { reason: 'training', months: 12 },
      'ok',
    ],
    ['a third training year', twelve('training', 2), { reason: 'training', months: 1 }, 'pass_extension_cap'],
    ['57+ CDI inclusion: 10 years at once (SENIOR_CDI)', [], { reason: 'cdi_inclusion_57', months: 120 }, 'ok'],
    [
      '57+ CDI inclusion beyond 10 years',
      [{ reason: 'cdi_inclusion_57', months: 120 }],
      { reason: 'cdi_inclusion_57', months: 1 },
      'pass_extension_cap',
    ],
    [
      'a refused prolongation does not use the cap',
      [...twelve('rqth', 2), { reason: 'rqth', months: 12, status: 'refused' }],
      { reason: 'rqth', months: 12 },
      'ok',
    ],
    [
      'one request at a time awaits the prescriber (unique_prolongationrequest_approval_for_pending)',
      [{ reason: 'rqth', months: 12, status: 'pending' }],
      { reason: 'training', months: 6 },
      'pass_extension_pending',
    ],
    ['13 months at once', [], { reason: 'rqth', months: 13 }, 'pass_extension_length'],
  ])('%s → %s', (_, existing, added, code) => {
    const v = extensionVerdict(existing, added);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });

  // Source: les-emplois itou/approvals/enums.py ProlongationReason.RQTH (the label src/shared/workers.ts holds).
  test('the refusal names the reason in the words of les emplois de l’inclusion', () => {
    const v = extensionVerdict(twelve('rqth', 3), { reason: 'rqth', months: 12 });
    expect(v.ok ? '' : v.message).toContain('« RQTH - Reconnaissance de la qualité de travailleur handicapé »');
  });

  test('months left per reason count the whole pathway', () => {
    expect(extensionMonthsLeft([{ reason: 'rqth', months: 36, status: 'granted' }])).toEqual({
      cdi_inclusion_57: 84,
      training: 0,
      rqth: 0,
      senior_50: 24,
      particular_difficulties: 0,
    });
  });

  // Source: les-emplois Prolongation.REASONS_NOT_NEED_PRESCRIBER_OPINION = (SENIOR_CDI, COMPLETE_TRAINING).
  test.each<[Extension['reason'], boolean]>([
    ['cdi_inclusion_57', false],
    ['training', false],
    ['rqth', true],
    ['senior_50', true],
    ['particular_difficulties', true],
  ])('%s needs the prescriber: %s', (reason, needs) => expect(extensionNeedsPrescriber(reason)).toBe(needs));
});

// Source: L5132-8 (work under a valid PASS); les-emplois Approval.is_suspended / ERROR_PASS_IAE_SUSPENDED and
// ERROR_PASS_IAE_HAS_PENDING_PROLONGATION.
describe('a PASS on a given day', () => {
  const pass: PassOnDay = {
    startDate: '2026-01-01',
    endDate: '2028-01-10',
    suspensions: [{ startDate: '2026-03-01', endDate: '2026-03-10' }],
  };
  test.each<[string, PassOnDay[], string, PassDayState]>([
    ['a working day', [pass], '2026-02-15', 'valid'],
    ['the first day of a suspension', [pass], '2026-03-01', 'suspended'],
    ['the last day of a suspension', [pass], '2026-03-10', 'suspended'],
    ['the day after the suspension', [pass], '2026-03-11', 'valid'],
    ['the last day of validity', [pass], '2028-01-10', 'valid'],
    ['the day after, a prolongation pending', [{ ...pass, pendingExtension: true }], '2028-01-11', 'expired'],
    ['before the start', [pass], '2025-12-31', 'not_started'],
    ['no PASS at all', [], '2026-02-15', 'none'],
  ])('%s → %s', (_, passes, day, state) => expect(passStateOn(passes, day).state).toBe(state));

  test('the refusal names the suspension and the pending prolongation', () => {
    expect(passDayProblem([pass], '2026-03-05', 'Awa Diallo')).toContain('suspendu du 01/03/2026 au 10/03/2026');
    expect(passDayProblem([{ ...pass, pendingExtension: true }], '2028-02-01', 'Awa Diallo')).toContain(
      'attend la décision du prescripteur',
    );
    expect(passDayProblem([pass], '2026-02-01', 'Awa Diallo')).toBeNull();
  });
});

// Source: les-emplois itou/approvals/models.py CommonApprovalMixin.WAITING_PERIOD_YEARS = 2 ("a period after
// expiry during which a person cannot obtain a new one except from an authorized prescriber").
describe('a new PASS after a previous one', () => {
  test.each<[string, { endDate: string }[], string, boolean, string]>([
    ['a first PASS', [], '2026-01-01', false, 'ok'],
    ['while the previous is still valid', [{ endDate: '2026-06-30' }], '2026-06-01', false, 'pass_already_valid'],
    ['still valid, even with a prescriber', [{ endDate: '2026-06-30' }], '2026-06-01', true, 'pass_already_valid'],
    ['a day after expiry', [{ endDate: '2026-06-30' }], '2026-07-01', false, 'pass_waiting_period'],
    ['2 years minus a day after expiry', [{ endDate: '2026-06-30' }], '2028-06-30', false, 'pass_waiting_period'],
    ['2 years after expiry', [{ endDate: '2026-06-30' }], '2028-07-01', false, 'ok'],
    [
      'a day after expiry, an authorised prescriber’s diagnosis',
      [{ endDate: '2026-06-30' }],
      '2026-07-01',
      true,
      'warning',
    ],
  ])('%s → %s', (_, previous, start, prescriber, code) => {
    const v = newPassVerdict(previous, start, prescriber);
    expect(v.ok ? (v.warning ? 'warning' : 'ok') : v.code).toBe(code);
  });
});

describe('alert thresholds before the end', () => {
  test.each<[string, string, number[]]>([
    ['61 days left: none', '2026-01-01', []],
    ['60 days left: the 60-day alert', '2026-01-02', [60]],
    ['30 days left: both', '2026-02-01', [30, 60]],
    ['the last day', '2026-03-03', [30, 60]],
    ['expired', '2026-03-04', []],
  ])('%s', (_, today, expected) => expect(reachedThresholds('2026-03-03', today)).toEqual(expected));
});
