/**
 * Every figure of the law that Passerelle enforces, in one place, with its source (PRODUCT.md, law as of 2026).
 * Rules import them from here; when the law changes, this file changes.
 */
export const LEGAL = {
  /** L5132-9, R5132-18: hours placed with counted users over 24 months from the first such placement. */
  hoursCapMinutes: 480 * 60,
  hoursCapWindowMonths: 24,
  /** Warning threshold shown to officers before the cap. */
  hoursCapWarningRatio: 0.8,
  /** L5132-7: no placement with a user that made an economic dismissal on an equivalent job in the last 6 months. */
  economicDismissalMonths: 6,
  /** PASS IAE (since 1 Dec 2021): 2 years, end = start + 730 days − 1. */
  passDurationDays: 730,
  /** Suspensions of a PASS: at most 36 months each. */
  passSuspensionMaxMonths: 36,
  /**
   * A new PASS only 2 years after the previous one expired, unless an authorised prescriber vouches for the
   * person (les-emplois itou/approvals/models.py WAITING_PERIOD_YEARS; then it warns).
   */
  passWaitingPeriodYears: 2,
  /**
   * Prolongations of a PASS (R5132-1-8; les-emplois itou/approvals/models.py MAX_CUMULATIVE_DURATION): the
   * whole pathway's prolongations stay within the cap of the reason asked for.
   */
  passExtensionCapMonths: {
    cdi_inclusion_57: 120,
    training: 24,
    rqth: 36,
    senior_50: 60,
    particular_difficulties: 36,
  },
  /** One prolongation lasts 12 months at most (except the 57+ CDI inclusion one, up to its cap). */
  passExtensionMaxMonths: 12,
  /** Eligibility diagnosis validity: 6 months from a prescriber, 92 days when made by the AI itself. */
  eligibilityPrescriberMonths: 6,
  eligibilityAiDays: 92,
  /** CDDI: at least 4 months, at most 24 months in total (L5132-11-1). */
  cddiMinMonths: 4,
  cddiMaxMonths: 24,
  /** L5132-11-1: beyond 24 months (training to finish, or 50+ / RQTH on France Travail's decision), 60 months. */
  cddiExtendedMaxMonths: 60,
  cddiExtensionMinAge: 50,
  /** CDI inclusion: 57 years or older, after 12 months of pathway, at most 20 % of the AI's ETP. */
  cdiInclusionMinAge: 57,
  cdiInclusionPathwayMonths: 12,
  cdiInclusionMaxShareOfEtp: 0.2,
  /** State reporting: 1 ETP = 1 607 hours a year for an AI. */
  etpHoursPerYear: 1607,
  /** Aide au poste of an AI per ETP (since 1 Nov 2024). */
  aideAuPosteCentsPerEtp: 161_900,
  /** An AI exit counts for the statistics only after 150 hours worked. */
  exitCountingMinMinutes: 150 * 60,
  /** Daily rest (L3131-1). */
  dailyRestMinutes: 11 * 60,
  /** A shift lasts at most 12 hours (daily maximum with derogation, L3121-18). */
  shiftMaxMinutes: 12 * 60,
  /** Night work for surcharges: 21:00–06:00 (L3122-2). */
  nightStart: '21:00',
  nightEnd: '06:00',
  /** Fixed recovery indemnity for late payment by a professional or public client (L441-10, D441-5 Code de commerce; décret 2013-269 art. 9). */
  recoveryIndemnityCents: 4000,
  /**
   * VAT mention of an AI: its operations are exempt under CGI art. 261-7-1° bis (associations intermédiaires
   * conventionnées, L5132-7; BOFiP BOI-TVA-CHAMP-30-10-60-10), not 1°-b.
   */
  defaultVatMention: 'Exonération de TVA – art. 261-7-1° bis du CGI',
  /** Late payment by a public buyer: ECB rate + 8 points (décret n° 2013-269 du 29 mars 2013, art. 8). */
  publicLateInterestPoints: 8,
  /** Late payment by a professional client: ECB rate + 10 points (L441-10 Code de commerce). */
  professionalLateInterestPoints: 10,
  /** Legal weekly duration (L3121-27): a contract below it is part time. */
  legalWeeklyMinutes: 35 * 60,
  /** At most 10 h of work a day (L3121-18); up to 12 h by collective agreement (L3121-19). */
  dailyWorkMaxMinutes: 10 * 60,
  dailyWorkMaxByAgreementMinutes: 12 * 60,
  /** At most 48 h in one week (L3121-20). */
  weeklyWorkMaxMinutes: 48 * 60,
  /** At most 44 h a week on average over any 12 consecutive weeks (L3121-22). */
  averageWeeklyMaxMinutes: 44 * 60,
  averageWeeks: 12,
  /** Weekly rest: 24 consecutive hours plus the 11 h of daily rest (L3132-2). */
  weeklyRestMinutes: 35 * 60,
  /** At most 6 days of work a week (L3132-1). */
  maxWorkDaysPerWeek: 6,
  /** Part time: complementary hours up to 1/10 of the contract's hours (L3123-20), 1/3 by agreement (L3123-21). */
  complementaryHoursShare: 0.1,
  complementaryHoursShareByAgreement: 1 / 3,
  /** Workers under 18: 8 h a day and 35 h a week at most (L3162-1), no work from 22:00 to 06:00 (L3163-1, -2). */
  minorAge: 18,
  minorDailyMaxMinutes: 8 * 60,
  minorWeeklyMaxMinutes: 35 * 60,
  minorNightStart: '22:00',
  minorNightEnd: '06:00',
  /** Medical information visit of an AI worker: within the month after the first placement (R5132-26-7). */
  informationVisitMonths: 1,
  /** Tax certificates for individuals (services à la personne) before 31 March. */
  taxCertificateDeadline: '03-31',
} as const;
