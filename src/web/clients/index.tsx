import { lazyPage, type WebModule } from '../shell/module';

const ClientPage = lazyPage(() => import('./ClientPage'), 'ClientPage');
const ClientsPage = lazyPage(() => import('./ClientsPage'), 'ClientsPage');
const NewClientPage = lazyPage(() => import('./NewClientPage'), 'NewClientPage');

/** The clients pages: see src/server/modules/clients for the API they use. */
export const clientsWeb: WebModule = {
  backOffice: {
    routes: [
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/nouveau', element: <NewClientPage /> },
      { path: 'clients/:clientId', element: <ClientPage /> },
    ],
    nav: [{ label: 'Clients', to: 'clients', action: 'client.read' }],
  },
};
