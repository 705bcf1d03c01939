import type { JobDefinition } from '../../jobs/job.js';
import { organisations } from '../accounts/queries.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { refreshUrssafStatuses } from './refresh-urssaf-statuses.js';
import { urssafApi } from './urssaf-api.js';

export const individualsJobs: JobDefinition[] = [
  {
    // Every hour from 7 to 21: sends the payment requests still planned and follows the others until they end.
    name: 'individuals.urssaf-statuses',
    cron: '15 7-21 * * *',
    handler: async ({ db }) => {
      const api = urssafApi();
      if (!api) return;
      for (const o of await db.select({ id: organisations.id }).from(organisations)) {
        const settings = await readOrganisationSettings({ db, organisationId: o.id });
        if (settings.avanceImmediate) await refreshUrssafStatuses({ db, organisationId: o.id, api });
      }
    },
  },
];
