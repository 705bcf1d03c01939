import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsApi } from '../../../shared/settings.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { LEGAL } from './legal-figures.js';
import { readOrganisationSettings, updateOrganisationSettings } from './organisation-settings.js';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    settingsApi.get.path,
    { schema: schemaOf(settingsApi.get, tags), preHandler: can('organisation.read') },
    async (req) => readOrganisationSettings({ db: req.db, organisationId: req.actor.organisationId }),
  );

  app.patch(
    settingsApi.update.path,
    { schema: schemaOf(settingsApi.update, tags), preHandler: can('settings.write') },
    async (req) =>
      updateOrganisationSettings({
        db: req.db,
        actor: { userId: req.actor.userId, organisationId: req.actor.organisationId },
        patch: req.body,
      }),
  );

  /** The legal figures Passerelle applies, for display and for other software. */
  app.get(settingsApi.legalFigures.path, { schema: schemaOf(settingsApi.legalFigures, tags) }, async () => LEGAL);
};
