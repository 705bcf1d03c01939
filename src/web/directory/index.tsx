import type { WebModule } from '../shell/module';
import { EditStructurePage, ImportStructuresPage, NetworkStructuresPage, NewStructurePage } from './NetworkPages';
import { DirectoryPage, InvitationPage, MapPage, StructurePage } from './PublicPages';

/** The directory pages: see src/server/modules/directory for the API they use. */
export const directoryWeb: WebModule = {
  publicRoutes: [
    { path: '/carte', element: <MapPage /> },
    { path: '/annuaire', element: <DirectoryPage /> },
    { path: '/structures/:slug', element: <StructurePage /> },
    { path: '/invitation/:token', element: <InvitationPage /> },
  ],
  network: {
    routes: [
      { path: 'structures', element: <NetworkStructuresPage /> },
      { path: 'structures/nouvelle', element: <NewStructurePage /> },
      { path: 'structures/import', element: <ImportStructuresPage /> },
      { path: 'structures/:organisationId', element: <EditStructurePage /> },
    ],
    nav: [{ label: 'Annuaire', to: 'structures', action: 'network.read' }],
  },
};
