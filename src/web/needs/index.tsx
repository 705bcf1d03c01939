import { lazyPage, type WebModule } from '../shell/module';
import { useNeedSummary, useNetworkAttention } from './badges';

const FollowUpPage = lazyPage(() => import('./FollowUpPage'), 'FollowUpPage');
const InboxPage = lazyPage(() => import('./InboxPage'), 'InboxPage');
const NeedFormPage = lazyPage(() => import('./NeedFormPage'), 'NeedFormPage');
const NeedPage = lazyPage(() => import('./NeedPage'), 'NeedPage');
const NetworkNeedPage = lazyPage(() => import('./NetworkNeedPage'), 'NetworkNeedPage');
const NetworkNeedsPage = lazyPage(() => import('./NetworkNeedsPage'), 'NetworkNeedsPage');
const PortalNeedsPage = lazyPage(() => import('./PortalNeedsPage'), 'PortalNeedsPage');

/** The needs pages: see src/server/modules/needs for the API they use. */
export const needsWeb: WebModule = {
  publicRoutes: [
    { path: '/besoin', element: <NeedFormPage /> },
    { path: '/besoin/suivi/:token', element: <FollowUpPage /> },
  ],
  backOffice: {
    routes: [
      { path: 'besoins', element: <InboxPage /> },
      { path: 'besoins/:needId', element: <NeedPage /> },
    ],
    nav: [{ label: 'Besoins', to: 'besoins', action: 'need.claim', useBadge: () => useNeedSummary().data?.new }],
  },
  portal: {
    routes: [{ path: 'besoins', element: <PortalNeedsPage /> }],
    nav: [{ label: 'Mes besoins', to: 'besoins', action: 'need.read' }],
  },
  network: {
    routes: [
      { path: 'besoins', element: <NetworkNeedsPage /> },
      { path: 'besoins/:needId', element: <NetworkNeedPage /> },
    ],
    nav: [{ label: 'Besoins', to: 'besoins', action: 'network.need.read', useBadge: useNetworkAttention }],
  },
};
