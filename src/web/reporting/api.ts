import { useQuery } from '@tanstack/react-query';
import { reportingApi } from '../../shared/reporting';
import { call } from '../api';
import type { Period } from './period';

export type { AiDashboard, NetworkDashboard } from '../../shared/reporting';

export function useAiDashboard(orgId: string, period: Period) {
  return useQuery({
    queryKey: ['reporting', 'ai', orgId, period.from, period.to],
    queryFn: () => call(reportingApi.aiDashboard, { params: { orgId }, query: period }),
  });
}

export function useNetworkDashboard(networkId: string, period: Period) {
  return useQuery({
    queryKey: ['reporting', 'network', networkId, period.from, period.to],
    queryFn: () => call(reportingApi.networkDashboard, { params: { networkId }, query: period }),
  });
}
