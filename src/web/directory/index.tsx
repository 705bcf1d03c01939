import { lazyPage, type WebModule } from '../shell/module';

const EditStructurePage = lazyPage(() => import('./EditStructurePage'), 'EditStructurePage');
const ImportStructuresPage = lazyPage(() => import('./ImportStructuresPage'), 'ImportStructuresPage');
const NetworkStructuresPage = lazyPage(() => import('./NetworkStructuresPage'), 'NetworkStructuresPage');
const NewStructurePage = lazyPage(() => import('./NewStructurePage'), 'NewStructurePage');
const DirectoryPage = lazyPage(() => import('./DirectoryPage'), 'DirectoryPage');
const InvitationPage = lazyPage(() => import('./InvitationPage'), 'InvitationPage');
const MapPage = lazyPage(() => import('./MapPage'), 'MapPage');
const StructurePage = lazyPage(() => import('./StructurePage'), 'StructurePage');

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
