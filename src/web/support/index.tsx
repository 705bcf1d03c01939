import type { WebModule } from '../shell/module';

/** The support pages: see src/server/modules/support for the API they use. */
export const supportWeb: WebModule = {};
