/** Shapes of the workers API (src/server/modules/workers/present-*.ts). */
export type Job = { rome: string; label: string; level: number };
export type WorkerSummary = {
  id: string;
  firstName: string;
  lastName: string;
  communeCode: string;
  communeName: string | null;
  jobs: Job[];
  passEndDate: string | null;
  passDaysLeft: number | null;
  maxHoursPerWeek: number | null;
  exitDate: string | null;
  anonymised: boolean;
};
export type Pass = {
  id: string;
  number: string;
  startDate: string;
  endDate: string;
  baseEndDate: string;
  daysLeft: number;
  suspendedToday: boolean;
  suspensions: { id: string; startDate: string; endDate: string; reason: string; explanation: string | null }[];
  extensions: {
    id: string;
    reason: string;
    months: number;
    requestedOn: string;
    evidence: string | null;
    status: 'pending' | 'granted' | 'refused';
    decidedOn: string | null;
    decidedBy: string | null;
    decisionNote: string | null;
  }[];
  extensionMonthsLeft: Record<string, number>;
  warning?: string;
};
export type Contract = {
  id: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  weeklyMinutes: number;
  extensionReason: string | null;
};
export type Diagnosis = {
  id: string;
  author: 'prescriber' | 'ai';
  prescriberName: string | null;
  madeOn: string;
  validUntil: string;
  criteria: string[];
  evidence: string | null;
  eligible: boolean;
  valid: boolean;
  /** The reader has no sensitive data right: criteria and evidence exist but are hidden. */
  restricted?: boolean;
};
export type Worker = WorkerSummary & {
  birthDate: string;
  email: string | null;
  phone: string | null;
  address: { line: string | null; postalCode: string | null; communeCode: string; communeName: string | null };
  targetJobs: { rome: string; label: string }[];
  maxMinutesPerWeek: number | null;
  weeklyAvailability: Record<string, [string, string][]>;
  referent: { id: string; name: string } | null;
  hiredOn: string | null;
  pass: Pass | null;
  passes: Pass[];
  contracts: Contract[];
  diagnoses: Diagnosis[];
  certificates: { id: string; kind: string; label: string; obtainedOn: string | null; expiresOn: string | null }[];
  healthVisits: { id: string; kind: string; dueOn: string; doneOn: string | null; overdue: boolean }[];
  hoursCap: {
    countedMinutes: number;
    capMinutes: number;
    windowStart: string | null;
    windowEnd: string | null;
    derogation: boolean;
    level: 'ok' | 'warning' | 'reached';
  } | null;
  exit: { date: string; category: string } | null;
};
