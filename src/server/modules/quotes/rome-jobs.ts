import { findJob } from '../directory/rome.js';

/** The ROME v4 label of a job code ("Agent / Agente de propreté…"), or null for an unknown code. */
export const romeLabel = (code: string) => findJob(code)?.label ?? null;
