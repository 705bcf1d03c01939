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
  /** A new PASS only 2 years after the previous one expired. */
  passWaitingPeriodYears: 2,
  /** Eligibility diagnosis validity: 6 months from a prescriber, 92 days when made by the AI itself. */
  eligibilityPrescriberMonths: 6,
  eligibilityAiDays: 92,
  /** CDDI: at least 4 months, at most 24 months in total (L5132-11-1). */
  cddiMinMonths: 4,
  cddiMaxMonths: 24,
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
  /** Fixed recovery indemnity for late payment by a professional client (L441-10 Code de commerce). */
  recoveryIndemnityCents: 4000,
  /** Default VAT mention of an AI (CGI art. 261-7-1°-b). */
  defaultVatMention: 'TVA non applicable – art. 261-7-1°-b du CGI',
  /** Tax certificates for individuals (services à la personne) before 31 March. */
  taxCertificateDeadline: '03-31',
} as const;
