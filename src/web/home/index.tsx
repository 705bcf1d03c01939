import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import type { NavItem, WebModule } from '../shell/module';
import { ROLE_LABELS, useMembership } from '../shell/session';

function AreaHome() {
  const m = useMembership();
  return (
    <>
      <Title order={1} size="h2">
        Bonjour
      </Title>
      <Text c="dimmed" mt={4}>
        {m.name} · {ROLE_LABELS[m.role]}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="lg">
        <Card withBorder component={Link} to="." aria-label="Accueil">
          <Text fw={600}>Bienvenue sur Passerelle</Text>
          <Text size="sm" c="dimmed">
            Utilisez le menu pour accéder à vos tâches.
          </Text>
        </Card>
      </SimpleGrid>
    </>
  );
}

const home: NavItem = { label: 'Accueil', to: '', action: 'organisation.read' };

export const homeWeb: WebModule = {
  backOffice: { routes: [{ index: true, element: <AreaHome /> }], nav: [home] },
  portal: { routes: [{ index: true, element: <AreaHome /> }], nav: [home] },
  // A worker's home is their work page (planning): next shifts, proposals, unavailability.
  workerArea: { routes: [{ index: true, element: <Navigate to="mon-travail" replace /> }] },
  network: { routes: [{ index: true, element: <AreaHome /> }], nav: [{ ...home, action: 'network.read' }] },
};
