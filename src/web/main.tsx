import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './theme.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { prefetchMap } from './directory/prefetch';
import { webModules } from './modules';
import { AreaLayout } from './shell/AreaLayout';
import { lazyPage } from './shell/module';
import { NotFoundPage } from './shell/NotFoundPage';
import { PublicLayout } from './shell/PublicLayout';

const HomePage = lazyPage(() => import('./public/HomePage'), 'HomePage');
const LoginPage = lazyPage(() => import('./accounts/LoginPage'), 'LoginPage');

const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  // Every dialog's close button has a name for screen readers (axe button-name).
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer la notification' } } },
  },
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const collect = <K extends 'backOffice' | 'portal' | 'workerArea' | 'network'>(key: K) => ({
  routes: webModules.flatMap((m) => m[key]?.routes ?? []),
  nav: webModules.flatMap((m) => m[key]?.nav ?? []),
});
const backOffice = collect('backOffice');
const portal = collect('portal');
const workerArea = collect('workerArea');
const network = collect('network');

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/connexion', element: <LoginPage /> },
      ...webModules.flatMap((m) => m.publicRoutes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/ai/:orgId',
    element: <AreaLayout area="backOffice" nav={backOffice.nav} base={(id) => `/ai/${id}`} />,
    children: [...backOffice.routes, { path: '*', element: <NotFoundPage /> }],
  },
  {
    path: '/portail/:orgId',
    element: <AreaLayout area="portal" nav={portal.nav} base={(id) => `/portail/${id}`} />,
    children: [...portal.routes, { path: '*', element: <NotFoundPage /> }],
  },
  {
    path: '/moi/:orgId',
    element: <AreaLayout area="workerArea" nav={workerArea.nav} base={(id) => `/moi/${id}`} />,
    children: [...workerArea.routes, { path: '*', element: <NotFoundPage /> }],
  },
  {
    path: '/reseau/:networkId',
    element: <AreaLayout area="network" nav={network.nav} base={(id) => `/reseau/${id}`} />,
    children: [...network.routes, { path: '*', element: <NotFoundPage /> }],
  },
]);

prefetchMap(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
