import type { JobDefinition } from '../../jobs/job.js';
import { flagOverdueNeeds } from './flag-overdue-needs.js';

export const needsJobs: JobDefinition[] = [
  {
    // Every 5 minutes: an urgent need waits 4 hours at most, so the network learns of it within 5 minutes.
    name: 'needs-flag-overdue',
    cron: '*/5 * * * *',
    handler: async ({ db, config, now }) => {
      await flagOverdueNeeds({ db, now, publicUrl: config.publicUrl });
    },
  },
];
