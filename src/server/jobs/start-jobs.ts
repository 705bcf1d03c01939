import PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { billingJobs } from '../modules/billing/jobs.js';
import { individualsJobs } from '../modules/individuals/jobs.js';
import { needsJobs } from '../modules/needs/jobs.js';
import { sendOutbox } from '../modules/notifications/send-outbox.js';
import { sendSmsOutbox } from '../modules/notifications/send-sms-outbox.js';
import { httpSmsSender } from '../modules/notifications/sms-sender.js';
import { workersJobs } from '../modules/workers/jobs.js';
import type { JobDefinition } from './job.js';

export const allJobs: JobDefinition[] = [...needsJobs, ...workersJobs, ...billingJobs, ...individualsJobs];

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts pg-boss (on PostgreSQL, or on PGlite through its SQL adapter) with every module's jobs,
 * and the outbox sender. Several app servers may run this: pg-boss fires each schedule once.
 */
export async function startJobs({
  database,
  config,
  log,
}: {
  database: Database;
  config: Config;
  log: (msg: string) => void;
}): Promise<Jobs> {
  const boss =
    database.engine === 'postgresql'
      ? new PgBoss({ connectionString: config.databaseUrl, schema: 'pgboss', max: 3 })
      : new PgBoss({ db: { executeSql: pgliteExecutor(database) }, schema: 'pgboss' } as PgBoss.ConstructorOptions);
  boss.on('error', (err) => log(`background job error: ${err.message}`));
  await boss.start();
  for (const job of allJobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 5 }, async (batch) => {
      for (const item of batch) await job.handler({ db: database.db, config, now: new Date() }, item.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Paris' });
  }
  const smsSender = config.sms.url
    ? httpSmsSender({ url: config.sms.url, apiKey: config.sms.apiKey, sender: config.sms.sender })
    : undefined;
  let sending = false;
  const timer = setInterval(async () => {
    if (sending) return;
    sending = true;
    try {
      await sendOutbox({ db: database.db, smtpUrl: config.smtpUrl });
      await sendSmsOutbox({ db: database.db, sender: smsSender });
    } catch (err) {
      log(`outbox: ${(err as Error).message}`);
    } finally {
      sending = false;
    }
  }, 5000);
  return {
    boss,
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: false, wait: true, close: true });
    },
  };
}

/** PGlite runs one statement per query() with parameters; pg-boss's parameterless batches go through exec(). */
function pgliteExecutor(database: Database) {
  const client = database.pglite!;
  return async (text: string, values?: unknown[]) => {
    if (!values || values.length === 0) {
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    }
    return client.query(text, values as any[]);
  };
}
