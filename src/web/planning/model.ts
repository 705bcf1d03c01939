import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../api';
import { useOrgId } from '../shell/session';

export type Shift = {
  id: string;
  missionId: string;
  workerId: string | null;
  start: string;
  end: string;
  status: 'open' | 'assigned' | 'cancelled';
  minutes: number;
  clientId: string;
  clientName: string;
  siteId: string;
  siteName: string;
  siteCommune: string | null;
  rome: string;
  romeLabel: string;
  workerName: string | null;
  publicHoliday: boolean;
  uncoveredWorkerId: string | null;
};

export type Grid = {
  from: string;
  days: number;
  workers: { id: string; name: string; commune: string | null; maxMinutesPerWeek: number | null }[];
  total: number;
  shifts: Shift[];
  openShifts: Shift[];
};

export type Candidate = {
  workerId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  minutesThisWeek: number;
  reasons: string[];
  warnings: string[];
};

export function useGrid(p: { from: string; days: number; search: string; offset: number; limit: number }) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'grid', p],
    queryFn: ({ signal }) => api<Grid>(`/api/orgs/${orgId}/planning/grid${qs(p)}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useShifts(p: Record<string, string | number | undefined>) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'shifts', p],
    queryFn: ({ signal }) => api<{ items: Shift[]; total: number }>(`/api/orgs/${orgId}/shifts${qs(p)}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useCandidates(shiftId: string | null) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'candidates', shiftId],
    queryFn: ({ signal }) =>
      api<{ items: Candidate[]; considered: number }>(`/api/orgs/${orgId}/shifts/${shiftId}/candidates?limit=10`, {
        signal,
      }),
    enabled: !!shiftId,
  });
}

/** A planning write; refreshes every planning view afterwards. */
export function usePlanningAction<T = unknown, V = void>(fn: (orgId: string, v: V) => Promise<T>) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(orgId, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['planning', orgId] }),
  });
}
