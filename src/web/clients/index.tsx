import type { WebModule } from '../shell/module';
import { ClientPage, ClientsPage, NewClientPage } from './ClientsPages';

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
