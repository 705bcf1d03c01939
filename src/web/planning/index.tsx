import { lazyPage, type WebModule } from '../shell/module';

const AutoPlanPage = lazyPage(() => import('./AutoPlanPage'), 'AutoPlanPage');
const ClientViewPage = lazyPage(() => import('./ClientViewPage'), 'ClientViewPage');
const WorkerCalendarPage = lazyPage(() => import('./ClientViewPage'), 'WorkerCalendarPage');
const MissionPage = lazyPage(() => import('./MissionPage'), 'MissionPage');
const MissionsPage = lazyPage(() => import('./MissionsPage'), 'MissionsPage');
const NewMissionPage = lazyPage(() => import('./NewMissionPage'), 'NewMissionPage');
const PlanningGridPage = lazyPage(() => import('./PlanningGridPage'), 'PlanningGridPage');
const PoolingPage = lazyPage(() => import('./PoolingPage'), 'PoolingPage');
const PortalPlanningPage = lazyPage(() => import('./PortalPlanningPage'), 'PortalPlanningPage');
const ProposalPage = lazyPage(() => import('./ProposalPage'), 'ProposalPage');
const MyWorkPage = lazyPage(() => import('./MyWorkPage'), 'MyWorkPage');

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
      { path: 'planning/missions', element: <MissionsPage /> },
      { path: 'planning/missions/nouvelle', element: <NewMissionPage /> },
      { path: 'planning/missions/:missionId', element: <MissionPage /> },
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
    routes: [{ path: 'mon-travail', element: <MyWorkPage /> }],
    nav: [{ label: 'Mon travail', to: 'mon-travail', action: 'self.read' }],
  },
};
