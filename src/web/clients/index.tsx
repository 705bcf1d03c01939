import type { WebModule } from '../shell/module';

/** The clients pages: see src/server/modules/clients for the API they use. */
export const clientsWeb: WebModule = {};
