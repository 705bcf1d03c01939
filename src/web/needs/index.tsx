import type { WebModule } from '../shell/module';

/** The needs pages: see src/server/modules/needs for the API they use. */
export const needsWeb: WebModule = {};
