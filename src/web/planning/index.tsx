import type { WebModule } from '../shell/module';
import { AutoPlanPage } from './AutoPlanPage';
import { ClientViewPage, WorkerCalendarPage } from './ClientViewPage';
import { PlanningGridPage } from './PlanningGridPage';
import { PoolingPage } from './PoolingPage';
import { PortalPlanningPage } from './PortalPlanningPage';
import { ProposalPage } from './ProposalPage';
import { WorkerPage } from './WorkerPage';

/** The planning pages: see src/server/modules/planning for the API they use. */
export const planningWeb: WebModule = {
  publicRoutes: [{ path: 'proposition/:token', element: <ProposalPage /> }],
  backOffice: {
    routes: [
      { path: 'planning', element: <PlanningGridPage /> },
      { path: 'planning/clients', element: <ClientViewPage /> },
      { path: 'planning/salaries/:workerId', element: <WorkerCalendarPage /> },
      { path: 'planning/auto', element: <AutoPlanPage /> },
      { path: 'planning/mutualisation', element: <PoolingPage /> },
    ],
    nav: [
      { label: 'Planning', to: 'planning', action: 'shift.write' },
      { label: 'Mutualisation', to: 'planning/mutualisation', action: 'pooling.answer' },
    ],
  },
  portal: {
    routes: [{ path: 'planning', element: <PortalPlanningPage /> }],
    nav: [{ label: 'Planning', to: 'planning', action: 'shift.read' }],
  },
  workerArea: {
    routes: [{ path: 'mon-travail', element: <WorkerPage /> }],
    nav: [{ label: 'Mon travail', to: 'mon-travail', action: 'self.read' }],
  },
};
