import type { WebModule } from '../shell/module';

/** The timesheets pages: see src/server/modules/timesheets for the API they use. */
export const timesheetsWeb: WebModule = {};
