import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { LEGAL } from './legal-figures.js';
import {
  OrganisationSettings,
  readOrganisationSettings,
  SettingsPatch,
  updateOrganisationSettings,
} from './organisation-settings.js';

const OrgParams = z.object({ orgId: z.string().uuid() });
const SettingsOut = OrganisationSettings;

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/settings',
    {
      schema: { tags: ['settings'], params: OrgParams, response: { 200: SettingsOut } },
      preHandler: can('organisation.read'),
    },
    async (req) => readOrganisationSettings({ db: req.db, organisationId: req.actor.organisationId }),
  );

  app.patch(
    '/api/orgs/:orgId/settings',
    {
      schema: { tags: ['settings'], params: OrgParams, body: SettingsPatch, response: { 200: SettingsOut } },
      preHandler: can('settings.write'),
    },
    async (req) =>
      updateOrganisationSettings({
        db: req.db,
        actor: { userId: req.actor.userId, organisationId: req.actor.organisationId },
        patch: req.body,
      }),
  );

  /** The legal figures Passerelle applies, for display and for other software. */
  app.get('/api/public/legal-figures', { schema: { tags: ['settings'] } }, async () => LEGAL);
};
