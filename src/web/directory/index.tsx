import type { WebModule } from '../shell/module';

/** The directory pages: see src/server/modules/directory for the API they use. */
export const directoryWeb: WebModule = {};
