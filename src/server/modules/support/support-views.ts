import { z } from 'zod';
import {
  ACTION_STATUSES,
  BARRIER_CATEGORIES,
  BARRIER_STATUSES,
  EXIT_CATEGORIES,
  INTERVIEW_KINDS,
  STEP_STATUSES,
  TRAINING_STATUSES,
} from './schema.js';

export const InterviewView = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(INTERVIEW_KINDS),
  /** Sensitive (policies/sensitive.ts): null when `restricted`. */
  notes: z.string().nullable(),
  authorName: z.string().nullable(),
  /** The reader has no sensitive data right: the notes exist but are hidden. */
  restricted: z.boolean().optional(),
});
export const BarrierView = z.object({
  id: z.string(),
  category: z.enum(BARRIER_CATEGORIES),
  intensity: z.number().int(),
  status: z.enum(BARRIER_STATUSES),
  /** Sensitive (policies/sensitive.ts): null when `restricted`. */
  details: z.string().nullable(),
  /** The reader has no sensitive data right: the details, if any, are hidden. */
  restricted: z.boolean().optional(),
  identifiedOn: z.string(),
  liftedOn: z.string().nullable(),
});
export const ActionView = z.object({
  id: z.string(),
  barrierId: z.string().nullable(),
  label: z.string(),
  partner: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
});
export const ImmersionView = z.object({
  id: z.string(),
  host: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  objective: z.string(),
  outcome: z.string().nullable(),
});
export const TrainingView = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(TRAINING_STATUSES),
});
export const PathwayView = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  startedOn: z.string(),
  steps: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      kind: z.string(),
      label: z.string(),
      status: z.enum(STEP_STATUSES),
      doneOn: z.string().nullable(),
    }),
  ),
});
export const ExitView = z.object({
  id: z.string(),
  workerId: z.string(),
  date: z.string(),
  category: z.enum(EXIT_CATEGORIES),
  reason: z.string(),
  /** ASP exit reason code (support/rules/asp-exit-reasons.ts); null for exits recorded before it existed. */
  aspReason: z.string().nullable(),
  minutesWorked: z.number().int(),
  countsForStatistics: z.boolean(),
  hiredByClientId: z.string().nullable(),
});
export const SupportFileView = z.object({
  workerId: z.string(),
  workerName: z.string(),
  interviews: z.array(InterviewView),
  barriers: z.array(BarrierView),
  actions: z.array(ActionView),
  immersions: z.array(ImmersionView),
  trainings: z.array(TrainingView),
  pathways: z.array(PathwayView),
  exit: ExitView.nullable(),
});
export type SupportFileView = z.infer<typeof SupportFileView>;
