import { ApiError, qs } from '../api';
import { FILTER_KEYS } from './api';
import type { Filters } from './Filters';

/** The public filters as a page's query string (`?commune=…`), to go from the map to the list and back. */
export const filterQuery = (values: Filters) => qs(Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k]])));

/** The server's messages per filter (an unknown commune, a radius out of range), shown under each field. */
export function useFilterErrors(error: unknown) {
  return error instanceof ApiError ? error.fieldErrors : {};
}
