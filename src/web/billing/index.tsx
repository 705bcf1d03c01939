import type { WebModule } from '../shell/module';

/** The billing pages: see src/server/modules/billing for the API they use. */
export const billingWeb: WebModule = {};
