import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api';
import type { Period } from './period';

/** Shapes of src/server/modules/reporting/routes.ts. */
export type Exits = { durable: number; transition: number; positive: number; other: number; withdrawn: number };
export type Summary = {
  minutesWorked: number;
  minutesBilled: number;
  etp: number;
  workers: number;
  clients: number;
  exits: Exits;
  dynamicExitRate: number | null;
};
export type AiDashboard = {
  from: string;
  to: string;
  summary: Summary;
  months: {
    month: string;
    minutesWorked: number;
    minutesBilled: number;
    medicoSocialMinutes: number;
    workers: number;
    etp: number;
  }[];
  conventionEtp: number | null;
  etpConsumption: number | null;
  workersPresent: number;
  workersHired: number;
  activeClients: number;
  medicoSocialMinutes: number;
  medicoSocialShare: number | null;
  replacements: {
    uncovered: number;
    filled: number;
    open: number;
    fillRate: number | null;
    medianMinutesToFill: number | null;
  };
  needs: { routed: number; answered: number; claimed: number; medianMinutesToAnswer: number | null };
  invoices: { outstanding: number; outstandingCents: number; overdue: number; overdueCents: number };
  passEndingSoon: number;
  exitsNotCounted: number;
  supportStaff: number;
  workersPerSupportStaff: number | null;
};
type Figures = {
  needsRouted: number;
  claimed: number;
  medianMinutesToClaim: number | null;
  minutesDelivered: number;
  hiresByClients: number;
};
export type NetworkDashboard = {
  from: string;
  to: string;
  stats: {
    needs: number;
    claimed: number;
    medianMinutesToClaim: number | null;
    minutesDelivered: number;
    hiresByClients: number;
  };
  unrouted: number;
  overdue: number;
  perAi: (Figures & {
    organisationId: string;
    name: string;
    departement: string | null;
    lat: number | null;
    lon: number | null;
  })[];
  perDepartement: (Figures & { departement: string })[];
  perMonth: { month: string; needs: number; claimed: number; minutesDelivered: number; hiresByClients: number }[];
};

export function useAiDashboard(orgId: string, period: Period) {
  return useQuery({
    queryKey: ['reporting', 'ai', orgId, period.from, period.to],
    queryFn: () => api<AiDashboard>(`/api/orgs/${orgId}/reports/dashboard${qs(period)}`),
  });
}

export function useNetworkDashboard(networkId: string, period: Period) {
  return useQuery({
    queryKey: ['reporting', 'network', networkId, period.from, period.to],
    queryFn: () => api<NetworkDashboard>(`/api/networks/${networkId}/dashboard${qs(period)}`),
  });
}

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
/** "2026-03" → "mars 2026" (short, for chart axes and table rows). */
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const pctFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
export const formatShare = (share: number | null) => (share === null ? '—' : pctFormat.format(share));
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
export const formatNumber = (n: number | null) => (n === null ? '—' : numberFormat.format(n));
/** Minutes as whole hours, for totals where minutes do not matter ("1 234 h"). */
export const formatHours = (minutes: number) => `${new Intl.NumberFormat('fr-FR').format(Math.round(minutes / 60))} h`;
/** A duration in minutes as the most readable unit ("45 min", "3 h 20", "2 j 4 h"). */
export function formatDelay(minutes: number | null) {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes % 1440) / 60);
  return h ? `${d} j ${h} h` : `${d} j`;
}
