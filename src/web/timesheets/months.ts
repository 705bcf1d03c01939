import { addMonths } from '../../shared/dates';
import { frenchMonth } from '../../shared/format';

/** The current month in Paris, "YYYY-MM". */
export const currentMonth = () =>
  new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

/** The month before the current one (what a close usually invoices). */
export const previousMonth = () => addMonths(`${currentMonth()}-01`, -1).slice(0, 7);

/** The last `count` months, newest first, as select options ("novembre 2026"). */
export function monthOptions(count = 12) {
  const first = `${currentMonth()}-01`;
  return Array.from({ length: count }, (_, i) => {
    const value = addMonths(first, -i).slice(0, 7);
    return { value, label: frenchMonth(value) };
  });
}

/**
 * The value of the « month » filter that lists the timesheets still to handle in every month (to send, to
 * validate, disputed), instead of one month's: where the home's tiles lead, and the client portal's default.
 */
export const OPEN_TIMESHEETS = 'a-traiter';

/** "2026-11" → "novembre 2026". */
export const monthLabel = frenchMonth;
