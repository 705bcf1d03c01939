import type { JobDefinition } from '../../jobs/job.js';
import { anonymiseExpiredWorkers } from './anonymise-expired-workers.js';
import { sendPassAlerts } from './send-pass-alerts.js';

export const workersJobs: JobDefinition[] = [
  {
    name: 'workers.pass-alerts',
    cron: '0 7 * * *',
    handler: async ({ db, config, now }) => {
      await sendPassAlerts({ db, now, publicUrl: config.publicUrl });
    },
  },
  {
    name: 'workers.anonymise-expired',
    cron: '30 3 * * *',
    handler: async ({ db, now }) => {
      await anonymiseExpiredWorkers({ db, now });
    },
  },
];
