import { lazyPage, type WebModule } from '../shell/module';

const PublicTimesheetPage = lazyPage(() => import('./TimesheetsPages'), 'PublicTimesheetPage');
const TimesheetPage = lazyPage(() => import('./TimesheetsPages'), 'TimesheetPage');
const TimesheetsPage = lazyPage(() => import('./TimesheetsPages'), 'TimesheetsPage');

/** The timesheets pages: see src/server/modules/timesheets for the API they use. */
export const timesheetsWeb: WebModule = {
  publicRoutes: [{ path: 'releve/:token', element: <PublicTimesheetPage /> }],
  backOffice: {
    routes: [
      { path: 'releves', element: <TimesheetsPage /> },
      { path: 'releves/:timesheetId', element: <TimesheetPage /> },
    ],
    nav: [{ label: 'Relevés d’heures', to: 'releves', action: 'timesheet.read' }],
  },
  portal: {
    routes: [
      { path: 'releves', element: <TimesheetsPage /> },
      { path: 'releves/:timesheetId', element: <TimesheetPage /> },
    ],
    nav: [{ label: 'Relevés d’heures', to: 'releves', action: 'timesheet.read' }],
  },
};
