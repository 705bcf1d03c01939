import { accountsWeb } from './accounts';
import { billingWeb } from './billing';
import { clientsWeb } from './clients';
import { directoryWeb } from './directory';
import { homeWeb } from './home';
import { importsWeb } from './imports';
import { needsWeb } from './needs';
import { notificationsWeb } from './notifications';
import { planningWeb } from './planning';
import { quotesWeb } from './quotes';
import { reportingWeb } from './reporting';
import { settingsWeb } from './settings';
import type { WebModule } from './shell/module';
import { supportWeb } from './support';
import { timesheetsWeb } from './timesheets';
import { workersWeb } from './workers';

/** Every concept's pages and navigation, in navigation order. */
export const webModules: WebModule[] = [
  homeWeb,
  directoryWeb,
  needsWeb,
  clientsWeb,
  quotesWeb,
  planningWeb,
  workersWeb,
  supportWeb,
  timesheetsWeb,
  billingWeb,
  reportingWeb,
  notificationsWeb,
  importsWeb,
  settingsWeb,
  accountsWeb,
];
