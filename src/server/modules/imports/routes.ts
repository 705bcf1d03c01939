import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import {
  IMPORT_KINDS,
  IMPORT_PRESETS,
  ImportFileBody,
  ImportPreviewView,
  ImportRunView,
} from '../../../shared/imports.js';
import { can } from '../../http/can.js';
import { exportOrganisationData } from './export-organisation-data.js';
import { importTemplateCsv, importTemplateXlsx } from './import-template.js';
import { previewImport } from './preview-import.js';
import { getImport, listImports, startImport } from './start-import.js';

const tags = ['imports'];
const OrgParams = z.object({ orgId: z.uuid() });
/** An XLSX of 5 000 lines weighs about 1 MB; base64 adds a third. */
const uploadLimit = 15 * 1024 * 1024;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:orgId/imports/preview',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: 'What importing a CSV or XLSX file would do, line by line (nothing is written)',
        params: OrgParams,
        body: ImportFileBody,
        response: { 200: ImportPreviewView },
      },
      preHandler: can('data.import'),
    },
    async (req) => previewImport({ db: req.db, actor: req.actor, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/imports',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: 'Imports a file: every line is written, or none (the result lists each line)',
        params: OrgParams,
        body: ImportFileBody,
        response: { 202: z.object({ id: z.string() }) },
      },
      preHandler: can('data.import'),
    },
    async (req, reply) => {
      const { id } = await startImport({ db: req.db, actor: req.actor, input: req.body });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/orgs/:orgId/imports',
    {
      schema: {
        tags,
        summary: 'The last imports of the organisation',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(ImportRunView), total: z.number() }) },
      },
      preHandler: can('data.import'),
    },
    async (req) => listImports({ db: req.db, actor: req.actor }),
  );

  app.get(
    '/api/orgs/:orgId/imports/:importId',
    {
      schema: {
        tags,
        summary: 'An import: its progress while it runs, then what became of each line',
        params: OrgParams.extend({ importId: z.uuid() }),
        response: { 200: ImportRunView },
      },
      preHandler: can('data.import'),
    },
    async (req) => getImport({ db: req.db, actor: req.actor, importId: req.params.importId }),
  );

  app.get(
    '/api/orgs/:orgId/imports/presets',
    {
      schema: {
        tags,
        summary: 'The column mappings of the files AIs have (templates, les emplois de l’inclusion)',
        params: OrgParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                kind: z.enum(IMPORT_KINDS),
                mapping: z.record(z.string(), z.string()),
              }),
            ),
          }),
        },
      },
      preHandler: can('data.import'),
    },
    async () => ({ items: IMPORT_PRESETS }),
  );

  app.get(
    '/api/orgs/:orgId/imports/templates/:kind',
    {
      schema: {
        response: { 200: fileAnswer('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
        tags,
        summary: 'The generic template of a kind of import, as CSV or XLSX',
        params: OrgParams.extend({ kind: z.enum(IMPORT_KINDS) }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
      preHandler: can('data.import'),
    },
    async (req, reply) => {
      const name = `modele-import-${{ workers: 'salaries', clients: 'clients', contracts: 'contrats', missions: 'missions', hours: 'heures' }[req.params.kind]}`;
      if (req.query.format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await importTemplateXlsx(req.params.kind));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(importTemplateCsv(req.params.kind));
    },
  );

  app.get(
    '/api/orgs/:orgId/export',
    {
      schema: {
        response: { 200: fileAnswer('application/zip') },
        tags,
        summary: 'All the organisation’s data: one CSV per table in a zip, with a README of the columns',
        params: OrgParams,
      },
      preHandler: can('data.export'),
    },
    async (req, reply) =>
      reply
        .type('application/zip')
        .header('content-disposition', 'attachment; filename="passerelle-donnees.zip"')
        .send(Buffer.from(await exportOrganisationData({ db: req.db, actor: req.actor }))),
  );
};
