import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { directoryApi } from '../../shared/directory';
import { call, urlOf } from '../api';
import { FILTER_KEYS, retryServerErrors } from './api';

type PointsFilters = z.input<typeof directoryApi.points.query>;

/** How long the map's points are reused: the server lets them be cached for a minute too. */
export const POINTS_STALE_MS = 60_000;

/** The points request of the map for a URL's filters (the same key and address MapPage uses). */
export function pointsQuery(search: URLSearchParams | Record<string, string>) {
  const get = (k: string) => (search instanceof URLSearchParams ? search.get(k) : search[k]) ?? '';
  const query = Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)]));
  return {
    queryKey: ['structure-points', urlOf(directoryApi.points, { query })],
    // The filters as the page's URL holds them (text, empty ones left out): the server checks them.
    queryFn: () => call(directoryApi.points, { query: query as PointsFilters }),
    staleTime: POINTS_STALE_MS,
    retry: retryServerErrors,
  };
}

/**
 * Opening /carte: asks for the points and starts the map's code (Leaflet) before React's first render, so that the
 * server computes thousands of points while the browser is still building the page.
 */
export function prefetchMap(queryClient: QueryClient) {
  if (window.location.pathname !== '/carte') return;
  void queryClient.prefetchQuery(pointsQuery(new URLSearchParams(window.location.search)));
  void import('./MapView');
}
