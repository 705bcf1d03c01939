import { lazyPage, type WebModule } from '../shell/module';

const PublicTimesheetPage = lazyPage(() => import('./PublicTimesheetPage'), 'PublicTimesheetPage');
const TimesheetPage = lazyPage(() => import('./TimesheetPage'), 'TimesheetPage');
const TimesheetsPage = lazyPage(() => import('./TimesheetsPage'), 'TimesheetsPage');

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
