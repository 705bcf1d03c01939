import type { JobDefinition } from '../../jobs/job.js';
import { parisToday } from '../calendar/paris-time.js';
import { generateTaxCertificatesForAll } from './generate-tax-certificates.js';
import { sendReminders } from './send-reminders.js';

export const billingJobs: JobDefinition[] = [
  {
    // Every morning: one reminder per overdue invoice and stage.
    name: 'billing.reminders',
    cron: '0 7 * * *',
    handler: async ({ db, now }) => {
      await sendReminders({ db, today: parisToday(now) });
    },
  },
  {
    // 1 March: the tax certificates of the previous year for individual clients (due before 31 March).
    name: 'billing.tax-certificates',
    cron: '0 6 1 3 *',
    handler: async ({ db, now }) => {
      await generateTaxCertificatesForAll({ db, year: Number(parisToday(now).slice(0, 4)) - 1 });
    },
  },
];
