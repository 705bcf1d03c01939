import type { JobDefinition } from '../../jobs/job.js';

export const workersJobs: JobDefinition[] = [];
