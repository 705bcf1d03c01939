import { addDays, daysBetween, mondayOf, weekdayOf } from '../../../shared/dates.js';
/** Every time of day in Passerelle is Europe/Paris (API.md); instants are stored in UTC. */
export const TIME_ZONE = 'Europe/Paris';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock parts of an instant in Paris. */
export function parisParts(instant: Date) {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    hour: Number(p.hour),
    minute: Number(p.minute),
    /** 0 = Sunday … 6 = Saturday */
    weekday: new Date(`${p.year}-${p.month}-${p.day}T12:00:00Z`).getUTCDay(),
  };
}

/** The Paris calendar date (YYYY-MM-DD) of an instant. */
export const parisDate = (instant: Date) => parisParts(instant).date;

/** Minutes between UTC and Paris at that instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const p = parisParts(instant);
  const asUtc = Date.UTC(
    Number(p.date.slice(0, 4)),
    Number(p.date.slice(5, 7)) - 1,
    Number(p.date.slice(8, 10)),
    p.hour,
    p.minute,
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a Paris wall-clock time ("2026-03-29", "08:30"). */
export function parisInstant(date: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  const guess = new Date(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);
  // Two passes settle the offset even on the days the clocks change.
  let t = guess.getTime() - offsetMinutes(guess) * 60_000;
  t = guess.getTime() - offsetMinutes(new Date(t)) * 60_000;
  return new Date(t);
}

// Plain calendar-day arithmetic lives in src/shared/dates.ts (the web app uses the same).
export { addDays, daysBetween, mondayOf, weekdayOf };

/** Today in Paris. */
export const parisToday = (now = new Date()) => parisDate(now);

/** First and last day of a month "YYYY-MM". */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, last: addDays(next.toISOString().slice(0, 10), -1) };
}

/** French formats for documents and emails: 23/11/2026, 08:00. */
export const frenchDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
export function frenchTime(instant: Date) {
  const p = parisParts(instant);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
