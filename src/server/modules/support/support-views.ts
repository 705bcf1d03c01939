// The support file's answers are the shared contract's (src/shared/support.ts).
export {
  ActionView,
  BarrierView,
  ExitView,
  ImmersionView,
  InterviewView,
  PathwayView,
  SupportFileView,
  TrainingView,
} from '../../../shared/support.js';
