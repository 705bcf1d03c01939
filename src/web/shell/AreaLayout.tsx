import { AppShell, Badge, Burger, Button, Group, NavLink, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, NavLink as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { accountsApi } from '../../shared/accounts';
import { call } from '../api';
import type { NavItem } from './module';
import { homeOf, type Membership, MembershipContext, ROLE_LABELS, useMe } from './session';

export type Area = 'backOffice' | 'portal' | 'workerArea' | 'network';

const AREA_TITLES: Record<Area, string> = {
  backOffice: 'Espace structure',
  portal: 'Espace client',
  workerArea: 'Mon espace',
  network: 'Console du réseau',
};

function belongs(m: Membership, area: Area, id: string | undefined) {
  if (area === 'network') return m.networkId === id;
  if (m.organisationId !== id) return false;
  if (area === 'portal') return m.role === 'client_user';
  if (area === 'workerArea') return m.role === 'worker';
  return m.role !== 'client_user' && m.role !== 'worker';
}

function NavBadge({ item }: { item: NavItem }) {
  const n = item.useBadge?.();
  return n ? (
    <Badge size="sm" circle={n < 10} color="red" aria-label={`${n} à traiter`}>
      {n}
    </Badge>
  ) : null;
}

/** The authenticated frame: navigation filtered by the membership's permissions, account menu, logout. */
export function AreaLayout({ area, nav, base }: { area: Area; nav: NavItem[]; base: (id: string) => string }) {
  const me = useMe();
  const params = useParams();
  const id = area === 'network' ? params.networkId : params.orgId;
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();

  if (me.isPending) return null;
  if (!me.data) return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname)}`} replace />;
  const membership = me.data.memberships.find((m) => belongs(m, area, id));
  if (!membership) return <Navigate to="/introuvable" replace />;
  const items = nav.filter((i) => membership.actions.includes(i.action));
  const root = base(id!);

  const logout = async () => {
    await call(accountsApi.logout, {});
    qc.clear();
    navigate('/connexion');
  };

  return (
    <MembershipContext.Provider value={membership}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Ouvrir le menu" />
              <Title order={1} size="h4">
                <RouterLink to={root} style={{ color: 'inherit', textDecoration: 'none' }}>
                  Passerelle
                </RouterLink>
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="sm">
                {AREA_TITLES[area]} · {membership.name}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {me.data.memberships.length > 1 && (
                <Select
                  aria-label="Changer d’espace"
                  size="xs"
                  visibleFrom="sm"
                  value={homeOf(membership)}
                  data={me.data.memberships.map((m) => ({
                    value: homeOf(m),
                    label: `${m.name} (${ROLE_LABELS[m.role]})`,
                  }))}
                  onChange={(v) => v && navigate(v)}
                  allowDeselect={false}
                />
              )}
              <Text size="sm" visibleFrom="sm" data-testid="user-name">
                {me.data.user.name}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={logout}>
                Se déconnecter
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Navigation principale">
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            {ROLE_LABELS[membership.role]}
          </Text>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to ? `${root}/${item.to}` : root}
              end={!item.to}
              label={item.label}
              leftSection={item.icon}
              rightSection={<NavBadge item={item} />}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </MembershipContext.Provider>
  );
}
