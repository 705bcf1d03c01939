import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { hiresApi } from '../../shared/hires';
import { call } from '../api';

/** The declared hires of the AI (a client user: its own); `pending` counts those waiting for an answer. */
export function useHireDeclarations() {
  const { orgId } = useParams();
  return useQuery({
    queryKey: ['hire-declarations', orgId],
    queryFn: () => call(hiresApi.list, { params: { orgId: orgId ?? '' } }),
    enabled: !!orgId,
    refetchInterval: 60_000,
  });
}

/** The navigation badge of the support staff: declared hires waiting for their confirmation. */
export const usePendingHires = () => useHireDeclarations().data?.pending || undefined;
