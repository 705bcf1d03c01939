import type { WebModule } from '../shell/module';

/** The notifications pages: see src/server/modules/notifications for the API they use. */
export const notificationsWeb: WebModule = {};
