import { Anchor, Badge, Box, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { directoryApi } from '../../shared/directory';
import { call } from '../api';
import { Loading } from '../shell/ui';
import { addressText, KIND_LABELS } from './api';
/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */
import { KindBadge } from './KindBadge';

export function StructurePage() {
  const { slug } = useParams();
  const q = useQuery({
    queryKey: ['public-structure', slug],
    queryFn: () => call(directoryApi.structure, { params: { idOrSlug: slug ?? '' } }),
  });
  useEffect(() => {
    if (q.data) document.title = `${q.data.name} — Passerelle`;
  }, [q.data]);
  if (q.isPending) return <Loading />;
  if (q.error) {
    return (
      <Container size="md" py="xl">
        <Title order={1}>Structure introuvable</Title>
        <Text mt="md">Cette structure n’existe pas ou n’est plus visible dans l’annuaire.</Text>
        <Button component={Link} to="/annuaire" mt="md">
          Retour à l’annuaire
        </Button>
      </Container>
    );
  }
  const s = q.data;
  return (
    <Container size="md" py="md">
      <Anchor component={Link} to="/annuaire" size="sm">
        ← Annuaire
      </Anchor>
      <Group mt="sm" gap="sm">
        <KindBadge kind={s.kind} />
        <Title order={1} size="h2">
          {s.name}
        </Title>
      </Group>
      <Text c="dimmed">
        {KIND_LABELS[s.kind]} · {addressText(s.address)}
      </Text>
      {s.presentation && <Text mt="md">{s.presentation}</Text>}
      <Grid mt="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Title order={2} size="h4">
            Contact
          </Title>
          <Stack gap={4} mt="xs">
            {s.phone && (
              <Text>
                Téléphone : <Anchor href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</Anchor>
              </Text>
            )}
            {s.email && (
              <Text>
                E-mail : <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
              </Text>
            )}
            {s.website && (
              <Text>
                Site : <Anchor href={s.website}>{s.website.replace(/^https?:\/\//, '')}</Anchor>
              </Text>
            )}
            {s.openingHours && <Text>Accueil : {s.openingHours}</Text>}
            {s.siret && <Text size="sm">SIRET : {s.siret}</Text>}
          </Stack>
          <Button component={Link} to={`/besoin?structure=${s.id}`} mt="md">
            Déposer un besoin auprès de cette structure
          </Button>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {s.jobLabels.length > 0 && (
            <>
              <Title order={2} size="h4">
                Métiers proposés
              </Title>
              <Box component="ul" mt="xs">
                {s.jobLabels.map((j) => (
                  <li key={j.code}>
                    {j.label} ({j.code})
                  </li>
                ))}
              </Box>
            </>
          )}
          {(s.territory.departements.length > 0 || s.territory.communes.length > 0) && (
            <>
              <Title order={2} size="h4" mt="md">
                Territoire servi
              </Title>
              <Text mt="xs">
                {s.territory.departements.length > 0 && `Départements : ${s.territory.departements.join(', ')}`}
                {s.territory.communes.length > 0 && ` Communes : ${s.territory.communes.length}`}
              </Text>
            </>
          )}
          {s.networkLabels.length > 0 && (
            <>
              <Title order={2} size="h4" mt="md">
                Réseaux
              </Title>
              <Group gap="xs" mt="xs">
                {s.networkLabels.map((n) => (
                  <Badge key={n.code} variant="light" color="gray" c="dark">
                    {n.label}
                  </Badge>
                ))}
              </Group>
            </>
          )}
        </Grid.Col>
      </Grid>
    </Container>
  );
}
