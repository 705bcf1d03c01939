import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileAnswer } from '../../../shared/http.js';
import { IMPORT_PRESETS, importsApi } from '../../../shared/imports.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { exportOrganisationData } from './export-organisation-data.js';
import { importTemplateCsv, importTemplateXlsx } from './import-template.js';
import { previewImport } from './preview-import.js';
import { getImport, listImports, startImport } from './start-import.js';

const tags = ['imports'];
/** An XLSX of 5 000 lines weighs about 1 MB; base64 adds a third. */
const uploadLimit = 15 * 1024 * 1024;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    importsApi.preview.path,
    {
      bodyLimit: uploadLimit,
      schema: {
        ...schemaOf(importsApi.preview, tags),
        summary: 'What importing a CSV or XLSX file would do, line by line (nothing is written)',
      },
      preHandler: can('data.import'),
    },
    async (req) => previewImport({ db: req.db, actor: req.actor, input: req.body }),
  );

  app.post(
    importsApi.start.path,
    {
      bodyLimit: uploadLimit,
      schema: {
        ...schemaOf(importsApi.start, tags),
        summary: 'Imports a file: every line is written, or none (the result lists each line)',
      },
      preHandler: can('data.import'),
    },
    async (req, reply) => {
      const { id } = await startImport({ db: req.db, actor: req.actor, input: req.body });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    importsApi.list.path,
    {
      schema: { ...schemaOf(importsApi.list, tags), summary: 'The last imports of the organisation' },
      preHandler: can('data.import'),
    },
    async (req) => listImports({ db: req.db, actor: req.actor }),
  );

  app.get(
    importsApi.get.path,
    {
      schema: {
        ...schemaOf(importsApi.get, tags),
        summary: 'An import: its progress while it runs, then what became of each line',
      },
      preHandler: can('data.import'),
    },
    async (req) => getImport({ db: req.db, actor: req.actor, importId: req.params.importId }),
  );

  app.get(
    importsApi.presets.path,
    {
      schema: {
        ...schemaOf(importsApi.presets, tags),
        summary: 'The column mappings of the files AIs have (templates, les emplois de l’inclusion)',
      },
      preHandler: can('data.import'),
    },
    async () => ({ items: IMPORT_PRESETS }),
  );

  app.get(
    importsApi.template.path,
    {
      schema: {
        response: { 200: fileAnswer('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
        tags,
        summary: 'The generic template of a kind of import, as CSV or XLSX',
        params: importsApi.template.params,
        querystring: importsApi.template.query,
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
    importsApi.exportAll.path,
    {
      schema: {
        response: { 200: fileAnswer('application/zip') },
        tags,
        summary: 'All the organisation’s data: one CSV per table in a zip, with a README of the columns',
        params: importsApi.exportAll.params,
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
