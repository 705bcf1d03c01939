import type { WebModule } from '../shell/module';
import { PublicTimesheetPage, TimesheetPage, TimesheetsPage } from './TimesheetsPages';

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
