/**
 * French formats for both sides (UX.md): 23/11/2026, 1 234,56 €, 08:00–12:00, 7 h 30, Europe/Paris.
 * The web pages and the server's texts (emails, rule messages, PDFs) format through here, so that a number reads the
 * same everywhere. Pure functions, no I/O: see docs/decisions/015-shared-format-and-dates.md.
 */
const TZ = 'Europe/Paris';

export const formatDate = (value: string | Date) => {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  }
  return new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(value),
  );
};

export const formatTime = (value: string | Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(value));

export const formatDateTime = (value: string | Date) => `${formatDate(value)} ${formatTime(value)}`;

export const formatTimeRange = (start: string | Date, end: string | Date) => `${formatTime(start)}–${formatTime(end)}`;

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
export const formatCents = (cents: number) => euros.format(cents / 100);

/** A duration in hours and minutes: 7 h, 7 h 05. */
export const formatMinutes = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
};

/** A duration rounded to whole hours, with thousands separators: 1 234 h (dashboards, activity reports). */
export const formatWholeHours = (minutes: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(Math.round(minutes / 60))} h`;

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** "2026-11" → "novembre 2026". */
export const frenchMonth = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const SHORT_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
/** "2026-03" → "mars 2026", short ("janv. 2026"), for chart axes and table rows. */
export const shortFrenchMonth = (month: string) =>
  `${SHORT_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
/** A share (0.125) as a percentage ("12,5 %"); "—" when there is nothing to divide by. */
export const formatShare = (share: number | null) => (share === null ? '—' : percent.format(share));

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
/** A number with at most two decimals ("12,35"); "—" when unknown. */
export const formatNumber = (n: number | null) => (n === null ? '—' : decimal.format(n));

/** "1 embauche", "3 embauches", "0 besoin orienté": in French, 0 and 1 take the singular. */
export const countOf = (n: number, one: string, many = `${one}s`) => `${decimal.format(n)} ${n > 1 ? many : one}`;

/** A delay in minutes as its most readable unit ("45 min", "3 h 20", "2 j 4 h"); "—" when unknown. */
export function formatDelay(minutes: number | null) {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return formatMinutes(minutes);
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes % 1440) / 60);
  return h ? `${d} j ${h} h` : `${d} j`;
}

const weekday = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });
export const formatLongDate = (value: string | Date) =>
  weekday.format(typeof value === 'string' && value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value));

/** Accent- and case-insensitive text for client-side filtering. */
export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
