/** Europe/Paris dates for the planning pages, whatever the browser's time zone. */
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** YYYY-MM-DD in Paris. */
export const parisDay = (v: string | Date) => dayFormat.format(new Date(v));
/** HH:MM in Paris. */
export const parisClock = (v: string | Date) => clockFormat.format(new Date(v));
export const todayInParis = () => parisDay(new Date());

// Calendar-day arithmetic is shared with the server (src/shared/dates.ts).
export { addDays, mondayOf, weekdayOf as weekday } from '../../shared/dates';

function offsetMinutes(instant: Date) {
  const [h, m] = parisClock(instant).split(':').map(Number);
  const day = parisDay(instant);
  const asUtc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), h, m);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The ISO instant of a Paris wall-clock time. */
export function parisIso(date: string, time: string) {
  const guess = new Date(`${date}T${time}:00Z`);
  let t = guess.getTime() - offsetMinutes(guess) * 60_000;
  t = guess.getTime() - offsetMinutes(new Date(t)) * 60_000;
  return new Date(t).toISOString();
}

const dayLabel = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'short',
  day: 'numeric',
  month: 'numeric',
  timeZone: 'UTC',
});
export const shortDay = (date: string) => dayLabel.format(new Date(`${date}T12:00:00Z`));
const longLabel = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
export const longDay = (date: string) => longLabel.format(new Date(`${date}T12:00:00Z`));
