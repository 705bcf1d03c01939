import type { WebModule } from '../shell/module';

/** The workers pages: see src/server/modules/workers for the API they use. */
export const workersWeb: WebModule = {};
