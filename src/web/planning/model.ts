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
  /** Proposals still waiting for an answer. */
  pendingProposals: number;
  /** The client's legal form is unknown: its hours count for the 480 h cap until it is completed. */
  clientLegalFormUnknown?: boolean;
  /** The worker is not yet named in a signed version of the contract (amendment awaiting signature). */
  contractUnsigned?: boolean;
};

export type Mission = {
  id: string;
  placementContractId: string;
  contractNumber: string;
  clientId: string;
  clientName: string;
  siteId: string;
  siteName: string;
  siteCommune: string | null;
  rome: string;
  romeLabel: string;
  startDate: string;
  endDate: string;
  notes: string | null;
  shiftsTotal: number;
  shiftsOpen: number;
};

export type Series = {
  id: string;
  workerId: string | null;
  workerName: string | null;
  weekdays: number[];
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string;
  skipPublicHolidays: boolean;
  exceptDates: string[];
  cancelledFrom: string | null;
  shiftsLive: number;
  shiftsOpen: number;
};

export type MissionDetail = Mission & { contractRomes: { rome: string; label: string }[]; series: Series[] };

/** What happened (or would happen, in a preview) to one occurrence of a series. */
export type Occurrence = {
  id: string | null;
  date: string;
  start: string;
  end: string;
  status: 'assigned' | 'open' | 'refused';
  publicHoliday: string | null;
  problem: { code: string; message: string } | null;
  warnings: string[];
};

export type SeriesResult = {
  id: string;
  created: number;
  assigned: number;
  open: number;
  refused: number;
  shifts: Occurrence[];
  skipped: { date: string; reason: string }[];
  cancelled?: { id: string; date: string }[];
};

export type ShiftProposal = {
  id: string;
  workerId: string;
  workerName: string;
  rank: number;
  status: 'pending' | 'accepted' | 'declined' | 'taken' | 'withdrawn';
  channel: 'email' | 'sms' | 'none';
  createdAt: string;
  respondedAt: string | null;
};

export const CHANNEL_LABELS: Record<ShiftProposal['channel'], string> = {
  email: 'par e-mail',
  sms: 'par SMS',
  none: 'non envoyée (aucun moyen de contact)',
};

export const WEEKDAYS = [
  { value: 1, short: 'lun.', label: 'lundi' },
  { value: 2, short: 'mar.', label: 'mardi' },
  { value: 3, short: 'mer.', label: 'mercredi' },
  { value: 4, short: 'jeu.', label: 'jeudi' },
  { value: 5, short: 'ven.', label: 'vendredi' },
  { value: 6, short: 'sam.', label: 'samedi' },
  { value: 0, short: 'dim.', label: 'dimanche' },
];

export function useMission(missionId: string | undefined) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'mission', missionId],
    queryFn: ({ signal }) => api<MissionDetail>(`/api/orgs/${orgId}/missions/${missionId}`, { signal }),
    enabled: !!missionId,
  });
}

export function useMissions(p: { placementContractId?: string; clientId?: string }) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'missions', p],
    queryFn: ({ signal }) =>
      api<{ items: Mission[]; total: number }>(`/api/orgs/${orgId}/missions${qs({ ...p, limit: 200 })}`, { signal }),
  });
}

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

/** The people who may take a shift, best first: the ten best, or up to 200 when the officer looks for someone. */
export function useCandidates(shiftId: string | null, limit = 10) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'candidates', shiftId, limit],
    queryFn: ({ signal }) =>
      api<{ items: Candidate[]; considered: number }>(
        `/api/orgs/${orgId}/shifts/${shiftId}/candidates?limit=${limit}`,
        {
          signal,
        },
      ),
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
