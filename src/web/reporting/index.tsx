import type { WebModule } from '../shell/module';

/** The reporting pages: see src/server/modules/reporting for the API they use. */
export const reportingWeb: WebModule = {};
