import type { WebModule } from '../shell/module';

/**
 * The support pages live inside the worker record (tab "Accompagnement", see SupportFileTab): the support file
 * is always read in the context of one person. API: src/server/modules/support/routes.ts.
 */
export const supportWeb: WebModule = {};
