import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useOrgId } from '../shell/session';

// The planning's shapes and labels are the contract's (src/shared/planning.ts), shared with the server.
export type {
  Candidate,
  Grid,
  Mission,
  MissionDetail,
  Occurrence,
  Series,
  SeriesResult,
  Shift,
  ShiftProposal,
} from '../../shared/planning';
export { CHANNEL_LABELS, WEEKDAYS } from '../../shared/planning';

export function useMission(missionId: string | undefined) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'mission', missionId],
    queryFn: ({ signal }) => call(planningApi.mission, { params: { orgId, missionId: missionId! }, signal }),
    enabled: !!missionId,
  });
}

export function useMissions(p: { placementContractId?: string; clientId?: string }) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'missions', p],
    queryFn: ({ signal }) => call(planningApi.missions, { params: { orgId }, query: { ...p, limit: 200 }, signal }),
  });
}

export function useGrid(p: { from: string; days: number; search: string; offset: number; limit: number }) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'grid', p],
    queryFn: ({ signal }) => call(planningApi.grid, { params: { orgId }, query: p, signal }),
    placeholderData: (prev) => prev,
  });
}

export function useShifts(p: z.input<typeof planningApi.shifts.query>) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'shifts', p],
    queryFn: ({ signal }) => call(planningApi.shifts, { params: { orgId }, query: p, signal }),
    placeholderData: (prev) => prev,
  });
}

/** The people who may take a shift, best first: the ten best, or up to 200 when the officer looks for someone. */
export function useCandidates(shiftId: string | null, limit = 10) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'candidates', shiftId, limit],
    queryFn: ({ signal }) =>
      call(planningApi.candidates, { params: { orgId, shiftId: shiftId! }, query: { limit }, signal }),
    enabled: !!shiftId,
  });
}

/**
 * A planning write. It confirms as soon as its answer arrives; every planning view then refreshes in the
 * background (not awaited: a slow grid must not hold the officer's confirmation back).
 */
export function usePlanningAction<T = unknown, V = void>(fn: (orgId: string, v: V) => Promise<T>) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(orgId, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
    },
  });
}
