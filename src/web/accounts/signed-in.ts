import type { QueryClient } from '@tanstack/react-query';
import { homeOf, type Me } from '../shell/session';

/** After a link, a code or a password sign-in: the session is known, and the person lands on their home. */
export function landSignedIn(qc: QueryClient, me: Me) {
  qc.setQueryData(['me'], me);
  window.location.assign(me.memberships[0] ? homeOf(me.memberships[0]) : '/');
}
