import type { WebModule } from '../shell/module';

/** The planning pages: see src/server/modules/planning for the API they use. */
export const planningWeb: WebModule = {};
