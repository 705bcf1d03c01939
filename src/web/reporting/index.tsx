import { lazyPage, type WebModule } from '../shell/module';

const AiDashboardPage = lazyPage(() => import('./AiDashboardPage'), 'AiDashboardPage');
const NetworkDashboardPage = lazyPage(() => import('./NetworkDashboardPage'), 'NetworkDashboardPage');

/** The reporting pages: see src/server/modules/reporting for the API they use. */
export const reportingWeb: WebModule = {
  backOffice: {
    routes: [{ path: 'tableau-de-bord', element: <AiDashboardPage /> }],
    nav: [{ label: 'Tableau de bord', to: 'tableau-de-bord', action: 'dashboard.read' }],
  },
  network: {
    routes: [{ path: 'tableau-de-bord', element: <NetworkDashboardPage /> }],
    nav: [{ label: 'Tableau de bord', to: 'tableau-de-bord', action: 'network.stats.read' }],
  },
};
