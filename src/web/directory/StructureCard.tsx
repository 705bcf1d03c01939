import { Anchor, Button, Card, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { directoryApi } from '../../shared/directory';
import { call } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';
import { addressText, KIND_LABELS } from './api';
/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */
import { WRAP } from './KindBadge';

export function StructureCard({ id, onClose }: { id: string; onClose?: () => void }) {
  const q = useQuery({
    queryKey: ['public-structure', id],
    queryFn: () => call(directoryApi.structure, { params: { idOrSlug: id } }),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const contact = s.email
    ? `mailto:${s.email}`
    : s.phone
      ? `tel:${s.phone.replace(/\s/g, '')}`
      : `/structures/${s.slug}`;
  return (
    <Card withBorder shadow="sm" padding="md" aria-labelledby={`card-${s.id}`} data-testid="structure-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4" id={`card-${s.id}`}>
          {s.name}
        </Title>
        {onClose && <CloseButton aria-label="Fermer la fiche" onClick={onClose} />}
      </Group>
      <Text size="sm" c="dimmed">
        {KIND_LABELS[s.kind]}
      </Text>
      <Stack gap={4} mt="sm">
        <Text size="sm">{addressText(s.address)}</Text>
        {s.phone && (
          <Text size="sm">
            Téléphone : <Anchor href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</Anchor>
          </Text>
        )}
        {s.email && (
          <Text size="sm">
            E-mail : <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
          </Text>
        )}
        {s.website && (
          <Text size="sm">
            Site : <Anchor href={s.website}>{s.website.replace(/^https?:\/\//, '')}</Anchor>
          </Text>
        )}
        {s.openingHours && <Text size="sm">Accueil : {s.openingHours}</Text>}
        {s.jobLabels.length > 0 && (
          <Text size="sm">
            Métiers :{' '}
            {s.jobLabels
              .slice(0, 4)
              .map((j) => j.label)
              .join(' ; ')}
            {s.jobLabels.length > 4 ? '…' : ''}
          </Text>
        )}
      </Stack>
      <Group mt="md" gap="sm">
        <Button component="a" href={contact} variant="light">
          Contacter
        </Button>
        <Button component={Link} to={`/besoin?structure=${s.id}`} styles={WRAP}>
          Déposer un besoin auprès de cette structure
        </Button>
      </Group>
      <Anchor component={Link} to={`/structures/${s.slug}`} size="sm" mt="sm" display="inline-block">
        Voir la fiche complète
      </Anchor>
    </Card>
  );
}
