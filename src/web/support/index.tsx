import { lazyPage, type WebModule } from '../shell/module';
import { usePendingHires } from './badges';

const HiresPage = lazyPage(() => import('./HiresPage'), 'HiresPage');
const PortalHiresPage = lazyPage(() => import('./PortalHiresPage'), 'PortalHiresPage');

/**
 * The support file lives inside the worker record (tab "Accompagnement", see SupportFileTab): it is always read
 * in the context of one person. Declared hires (« déclarer une embauche ») have their pages: the client
 * declares in its portal, the support staff confirm the exit. API: src/server/modules/support/.
 */
export const supportWeb: WebModule = {
  backOffice: {
    routes: [{ path: 'embauches', element: <HiresPage /> }],
    nav: [{ label: 'Embauches déclarées', to: 'embauches', action: 'hire.confirm', useBadge: usePendingHires }],
  },
  portal: {
    routes: [{ path: 'embauches', element: <PortalHiresPage /> }],
    nav: [{ label: 'Déclarer une embauche', to: 'embauches', action: 'hire.declare' }],
  },
};
