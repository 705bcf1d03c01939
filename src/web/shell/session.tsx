import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useParams } from 'react-router';
import { accountsApi, type Me } from '../../shared/accounts';
import { ApiError, call } from '../api';

export type { Me } from '../../shared/accounts';
export type Membership = Me['memberships'][number];

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await call(accountsApi.me, {});
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['me'] });
}

export { ROLE_LABELS } from '../../shared/roles';

/** Where a membership's home is. */
export function homeOf(m: Membership): string {
  if (m.networkId) return `/reseau/${m.networkId}`;
  if (m.role === 'client_user') return `/portail/${m.organisationId}`;
  if (m.role === 'worker') return `/moi/${m.organisationId}`;
  return `/ai/${m.organisationId}`;
}

/** The membership of the area the URL is in (the :orgId or :networkId of the route). */
export const MembershipContext = createContext<Membership | null>(null);

export function useMembership(): Membership {
  const m = useContext(MembershipContext);
  if (!m) throw new Error('useMembership outside an authenticated area');
  return m;
}

export function useCan() {
  const m = useContext(MembershipContext);
  return (action: string) => !!m?.actions.includes(action);
}

/** Whether this membership may see sensitive data: without it, such fields show as reserved. */
export function useSensitiveAccess(): boolean {
  return useContext(MembershipContext)?.sensitiveAccess === true;
}

/** The orgId of the current back-office, portal or worker area. */
export function useOrgId(): string {
  const { orgId } = useParams();
  if (!orgId) throw new Error('useOrgId outside an organisation area');
  return orgId;
}

export function useNetworkId(): string {
  const { networkId } = useParams();
  if (!networkId) throw new Error('useNetworkId outside a network area');
  return networkId;
}
