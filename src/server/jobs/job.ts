import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';

export type JobContext = { db: Db; config: Config; now: Date };

/** A background job run by pg-boss: on a cron schedule (Europe/Paris), or when sent. */
export type JobDefinition = {
  name: string;
  cron?: string;
  handler: (ctx: JobContext, data: unknown) => Promise<void>;
};
