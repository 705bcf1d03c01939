import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { homeOf, useMe } from './session';

/** Header and footer of the public site (no login). */
export function PublicLayout() {
  const me = useMe();
  const first = me.data?.memberships[0];
  return (
    <Box style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between">
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              Passerelle
            </Anchor>
            <Group gap="md" component="nav" aria-label="Navigation du site">
              <Anchor component={Link} to="/carte">
                Carte
              </Anchor>
              <Anchor component={Link} to="/annuaire">
                Annuaire
              </Anchor>
              <Anchor component={Link} to="/besoin">
                Déposer un besoin
              </Anchor>
              {first ? (
                <Anchor component={Link} to={homeOf(first)}>
                  Mon espace
                </Anchor>
              ) : (
                <Anchor component={Link} to="/connexion">
                  Se connecter
                </Anchor>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" style={{ flex: 1 }}>
        <Outlet />
      </Box>
      <Box component="footer" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="xs" c="dimmed">
            Passerelle — associations intermédiaires et réseaux de l’IAE. Données communes : IGN Admin Express, INSEE
            (Code officiel géographique), codes postaux La Poste via la Base Adresse Nationale (Licence Ouverte).
            Métiers : ROME de France Travail.
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
