import { lazyPage, type WebModule } from '../shell/module';

const EditStructurePage = lazyPage(() => import('./NetworkPages'), 'EditStructurePage');
const ImportStructuresPage = lazyPage(() => import('./NetworkPages'), 'ImportStructuresPage');
const NetworkStructuresPage = lazyPage(() => import('./NetworkPages'), 'NetworkStructuresPage');
const NewStructurePage = lazyPage(() => import('./NetworkPages'), 'NewStructurePage');
const DirectoryPage = lazyPage(() => import('./PublicPages'), 'DirectoryPage');
const InvitationPage = lazyPage(() => import('./PublicPages'), 'InvitationPage');
const MapPage = lazyPage(() => import('./PublicPages'), 'MapPage');
const StructurePage = lazyPage(() => import('./PublicPages'), 'StructurePage');

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
