import type { ReactNode } from 'react';
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
