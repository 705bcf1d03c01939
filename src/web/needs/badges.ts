import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { needsApi } from '../../shared/needs';
import { call } from '../api';

// The navigation badges, kept apart from their pages so that the main chunk does not carry the pages' code.

/** Counts per inbox status, for the navigation badge and the filters. */
export function useNeedSummary() {
  const { orgId } = useParams();
  return useQuery({
    queryKey: ['needs-summary', orgId],
    queryFn: () => call(needsApi.summary, { params: { orgId: orgId ?? '' } }),
    enabled: !!orgId,
    refetchInterval: 60_000,
  });
}

/** Overdue and unrouted needs, for the navigation badge. */
export function useNetworkAttention() {
  const { networkId } = useParams();
  const q = useQuery({
    queryKey: ['network-needs-attention', networkId],
    queryFn: async () => {
      const [overdue, unrouted] = await Promise.all(
        (['overdue', 'unrouted'] as const).map((status) =>
          call(needsApi.networkNeeds, { params: { networkId: networkId ?? '' }, query: { status, limit: 1 } }),
        ),
      );
      return overdue.total + unrouted.total;
    },
    enabled: !!networkId,
    refetchInterval: 60_000,
  });
  return q.data;
}
