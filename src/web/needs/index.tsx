import type { WebModule } from '../shell/module';
import { FollowUpPage } from './FollowUpPage';
import { InboxPage, useNeedSummary } from './InboxPage';
import { NeedFormPage } from './NeedFormPage';
import { NeedPage } from './NeedPage';
import { NetworkNeedPage } from './NetworkNeedPage';
import { NetworkNeedsPage, useNetworkAttention } from './NetworkNeedsPage';
import { PortalNeedsPage } from './PortalNeedsPage';

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
