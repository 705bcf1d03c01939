import { lazyPage, type WebModule } from '../shell/module';

const ImportPage = lazyPage(() => import('./ImportPage'), 'ImportPage');

/** Bringing an AI's files in and taking its data out: see src/server/modules/imports. */
export const importsWeb: WebModule = {
  backOffice: {
    routes: [{ path: 'import', element: <ImportPage /> }],
    nav: [{ label: 'Importer des données', to: 'import', action: 'data.import' }],
  },
};
