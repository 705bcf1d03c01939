import { and, desc, eq } from 'drizzle-orm';
import { countOf } from '../../../shared/format.js';
import type { ImportFileInput, ImportRun } from '../../../shared/imports.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { mappingFor, readUploadedFile } from './preview-import.js';
import { missingFields, runImport } from './run-import.js';
import { dataImports } from './schema.js';

/**
 * Progress of the imports this process is running. An import runs in one transaction, so its progress cannot be
 * read from the database until it ends; another process answers "en cours" without the count until then.
 */
const progress = new Map<string, number>();

/** An import left running by a process that stopped: its transaction was undone, nothing was written. */
const ABANDONED_AFTER_MS = 30 * 60_000;

export type StartImportOptions = { db: Db; actor: OrgActor; input: ImportFileInput };

/**
 * Starts importing a file: the import is recorded, then runs after the answer (long files take a while) and
 * ends either with every line written or with nothing written and each line's problem listed.
 */
export async function startImport({
  db,
  actor,
  input,
}: StartImportOptions): Promise<{ id: string; done: Promise<void> }> {
  const sheet = await readUploadedFile(input);
  const mapping = mappingFor(input, sheet);
  const missing = missingFields(input.kind, mapping, sheet.headers);
  if (missing.length)
    throw validationFailed(
      missing.map((label) => ({ path: 'mapping', message: `Associez une colonne du fichier à « ${label} ».` })),
      `Colonnes obligatoires sans correspondance : ${missing.join(', ')}.`,
    );
  const [record] = await db
    .insert(dataImports)
    .values({
      organisationId: actor.organisationId,
      kind: input.kind,
      fileName: input.fileName,
      total: sheet.rows.length,
      createdBy: actor.userId,
    })
    .returning({ id: dataImports.id });
  progress.set(record.id, 0);
  const done = (async () => {
    try {
      const outcome = await runImport({
        db,
        actor,
        kind: input.kind,
        sheet,
        mapping,
        dryRun: false,
        onProgress: (n) => progress.set(record.id, n),
      });
      const ok = outcome.counts.error === 0;
      await db.transaction(async (tx) => {
        await tx
          .update(dataImports)
          .set({
            status: ok ? 'done' : 'failed',
            created: ok ? outcome.counts.create : 0,
            skipped: outcome.counts.skip,
            errors: outcome.counts.error,
            rows: outcome.rows,
            failure: ok ? null : `${countOf(outcome.counts.error, 'ligne')} à corriger : rien n’a été importé.`,
            finishedAt: new Date(),
          })
          .where(eq(dataImports.id, record.id));
        await recordAudit({
          db: tx,
          actor,
          action: 'data.import',
          recordType: 'data_import',
          recordId: record.id,
          details: { kind: input.kind, fileName: input.fileName, ...outcome.counts, written: ok },
        });
      });
    } catch (e) {
      await db
        .update(dataImports)
        .set({
          status: 'failed',
          failure: 'L’import a été interrompu par une erreur : rien n’a été importé.',
          finishedAt: new Date(),
        })
        .where(eq(dataImports.id, record.id))
        .catch(() => {});
      console.error('import failed', record.id, e instanceof Error ? e.message : e);
    } finally {
      progress.delete(record.id);
    }
  })();
  return { id: record.id, done };
}

type ImportRecord = typeof dataImports.$inferSelect;

function presentImport(r: ImportRecord): ImportRun {
  const abandoned =
    r.status === 'running' && !progress.has(r.id) && Date.now() - r.createdAt.getTime() > ABANDONED_AFTER_MS;
  const running = r.status === 'running' && !abandoned;
  return {
    id: r.id,
    kind: r.kind as ImportRun['kind'],
    fileName: r.fileName,
    status: abandoned ? 'failed' : (r.status as ImportRun['status']),
    total: r.total,
    done: running ? (progress.get(r.id) ?? 0) : r.total,
    counts: { create: r.created, skip: r.skipped, error: r.errors },
    rows: r.rows,
    failure: abandoned ? 'L’import a été interrompu (redémarrage du serveur) : rien n’a été importé.' : r.failure,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function getImport({ db, actor, importId }: { db: Db; actor: OrgActor; importId: string }) {
  const [r] = await db
    .select()
    .from(dataImports)
    .where(and(eq(dataImports.organisationId, actor.organisationId), eq(dataImports.id, importId)));
  if (!r) throw notFound('Cet import');
  return presentImport(r);
}

export async function listImports({ db, actor }: { db: Db; actor: OrgActor }) {
  const rows = await db
    .select()
    .from(dataImports)
    .where(eq(dataImports.organisationId, actor.organisationId))
    .orderBy(desc(dataImports.createdAt))
    .limit(50);
  return { items: rows.map((r) => ({ ...presentImport(r), rows: [] })), total: rows.length };
}
