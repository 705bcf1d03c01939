import type { WebModule } from '../shell/module';

/** The quotes pages: see src/server/modules/quotes for the API they use. */
export const quotesWeb: WebModule = {};
