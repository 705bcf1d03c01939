import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** A navigation entry; shown only when the membership may take `action` (UX.md: never a button that 403s). */
export type NavItem = {
  label: string;
  /** Relative to the area's base URL ('' for its home). */
  to: string;
  action: string;
  icon?: ReactNode;
  /** Optional count shown beside the label (things needing attention). */
  useBadge?: () => number | undefined;
};

/** What one domain concept contributes to the web app; composed in ../modules.ts. */
export type WebModule = {
  /** Pages without login, at the site root. */
  publicRoutes?: RouteObject[];
  /** An AI's back office, under /ai/:orgId/. */
  backOffice?: { routes: RouteObject[]; nav?: NavItem[] };
  /** The client portal, under /portail/:orgId/. */
  portal?: { routes: RouteObject[]; nav?: NavItem[] };
  /** The worker's page, under /moi/:orgId/. */
  workerArea?: { routes: RouteObject[]; nav?: NavItem[] };
  /** The network console, under /reseau/:networkId/. */
  network?: { routes: RouteObject[]; nav?: NavItem[] };
};

/**
 * A page whose code is downloaded the first time it is shown, so that the public map does not wait for every
 * back-office page. No Suspense boundary here on purpose: a first load keeps the server-rendered HTML until the
 * page is ready, and the router's transitions keep the previous page on screen while the next one arrives.
 */
export function lazyPage<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K] & ComponentType<any>> {
  return lazy(() => load().then((m) => ({ default: m[name] as M[K] & ComponentType<any> })));
}
