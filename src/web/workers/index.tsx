import { useQuery } from '@tanstack/react-query';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { lazyPage, type WebModule } from '../shell/module';
import { useCan, useOrgId } from '../shell/session';

const HirePage = lazyPage(() => import('./HirePage'), 'HirePage');
const NewWorkerPage = lazyPage(() => import('./NewWorkerPage'), 'NewWorkerPage');
const WorkerRecordPage = lazyPage(() => import('./WorkerRecordPage'), 'WorkerRecordPage');
const WorkersListPage = lazyPage(() => import('./WorkersListPage'), 'WorkersListPage');

/** The navigation badge: how many PASS IAE end within 60 days. */
function usePassEndingSoonCount() {
  const orgId = useOrgId();
  const can = useCan();
  const q = useQuery({
    queryKey: ['workers', orgId, 'pass-ending-soon'],
    queryFn: () => call(workersApi.passEndingSoonCount, { params: { orgId } }),
    enabled: can('worker.read'),
    staleTime: 60_000,
  });
  return q.data?.count || undefined;
}

/** The workers pages: see src/server/modules/workers for the API they use. */
export const workersWeb: WebModule = {
  backOffice: {
    routes: [
      { path: 'salaries', element: <WorkersListPage /> },
      { path: 'salaries/nouveau', element: <NewWorkerPage /> },
      { path: 'salaries/:workerId', element: <WorkerRecordPage /> },
      { path: 'salaries/:workerId/embauche', element: <HirePage /> },
    ],
    nav: [{ label: 'Salarié·es', to: 'salaries', action: 'worker.read', useBadge: usePassEndingSoonCount }],
  },
};
