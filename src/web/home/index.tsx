import { Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { lazyPage, type NavItem, type WebModule } from '../shell/module';
import { ROLE_LABELS, useMembership, useOrgId } from '../shell/session';
import { TodayTiles } from './TodayTiles';

const AiDashboardHome = lazyPage(() => import('./DashboardHomes'), 'AiDashboardHome');
const NetworkHome = lazyPage(() => import('./DashboardHomes'), 'NetworkHome');

function Greeting() {
  const m = useMembership();
  return (
    <>
      <Title order={1} size="h2">
        Bonjour
      </Title>
      <Text c="dimmed" mt={4}>
        {m.name} · {ROLE_LABELS[m.role]}
      </Text>
    </>
  );
}

/** The back office's home: what needs this role today; the director also finds the AI dashboard below. */
function BackOfficeHome() {
  const m = useMembership();
  const orgId = useOrgId();
  if (m.role === 'org_admin') return <AiDashboardHome />;
  return (
    <>
      <Greeting />
      <TodayTiles base={`/ai/${orgId}`} />
      {m.actions.includes('dashboard.read') && (
        <Text mt="lg">
          <Link to={`/ai/${orgId}/tableau-de-bord`}>Voir le tableau de bord de la structure</Link>
        </Text>
      )}
    </>
  );
}

function PortalHome() {
  const orgId = useOrgId();
  return (
    <>
      <Greeting />
      <TodayTiles base={`/portail/${orgId}`} />
    </>
  );
}

const home: NavItem = { label: 'Accueil', to: '', action: 'organisation.read' };

export const homeWeb: WebModule = {
  backOffice: { routes: [{ index: true, element: <BackOfficeHome /> }], nav: [home] },
  portal: { routes: [{ index: true, element: <PortalHome /> }], nav: [home] },
  // A worker's home is their work page (planning): next shifts, proposals, unavailability.
  workerArea: { routes: [{ index: true, element: <Navigate to="mon-travail" replace /> }] },
  network: { routes: [{ index: true, element: <NetworkHome /> }], nav: [{ ...home, action: 'network.read' }] },
};
