import { ApiError } from '../api';

/** The directory's vocabulary and answers come from the shared contract (src/shared/directory.ts). */
export {
  type Address,
  addressText,
  type Commune,
  FILTER_KEYS,
  type FilterKey,
  formatKm,
  type Job,
  KIND_COLORS,
  KIND_LABELS,
  KIND_SHORT,
  type Kind,
  type NetworkStructure,
  type StructureDetail,
  type StructurePoint,
  type StructureSummary,
} from '../../shared/directory';

/** A 4xx answer will not change on retry (bad filters): show it at once. */
export const retryServerErrors = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 1;
