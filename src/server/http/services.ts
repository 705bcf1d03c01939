import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';

/** What the running process provides to routes and background jobs. */
export type Services = {
  database: Database;
  config: Config;
  version: string;
};
