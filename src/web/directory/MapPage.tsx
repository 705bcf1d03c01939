import { Box, Button, Container, Grid, Group, Pagination, Switch, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { Empty, ErrorAlert, PageHeader, useUrlFilters } from '../shell/ui';
import { FILTER_KEYS, formatKm, type StructurePoint } from './api';
import { DirectoryFilters } from './Filters';
import { pointsQuery } from './prefetch';

/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */
const MapView = lazy(() => import('./MapView'));

import { filterQuery, useFilterErrors } from './filter-url';
import { KindBadge } from './KindBadge';
import { StructureCard } from './StructureCard';

const PAGE_SIZE = 20;

/** /carte: the map, its filters and its list equivalent (keyboard, screen readers). */
export function MapPage() {
  const [values, set] = useUrlFilters(FILTER_KEYS);
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [osm, setOsm] = useState(() => typeof navigator !== 'undefined' && !navigator.webdriver && navigator.onLine);
  const query = filterQuery(values);
  const points = useQuery({ ...pointsQuery(values), placeholderData: (prev) => prev });
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start again at the first page
  useEffect(() => setPage(1), [query]);
  const items = points.data?.items ?? [];
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const emptyPoints = useMemo<StructurePoint[]>(() => [], []);
  const total = points.data?.total ?? 0;

  return (
    <Container size="xl" py="md">
      <PageHeader
        title="Carte des structures d’insertion"
        subtitle="Associations intermédiaires et autres structures de l’insertion par l’activité économique. Cliquez un point pour voir la fiche."
        actions={
          <Button component={Link} to={`/annuaire${query}`} variant="default">
            Voir l’annuaire
          </Button>
        }
      />
      <DirectoryFilters values={values} set={(p) => set(p)} errors={useFilterErrors(points.error)} />
      {points.error && !(points.error instanceof ApiError && points.error.status === 400) && (
        <ErrorAlert error={points.error} />
      )}
      <Text mt="sm" role="status" aria-live="polite" data-testid="result-count">
        {points.isPending ? 'Chargement…' : `${total} structure${total > 1 ? 's' : ''}`}
      </Text>
      <Grid mt="sm" gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Box h={{ base: 380, md: 620 }}>
            <MapView
              points={points.data ? items : emptyPoints}
              selectedId={selected}
              onSelect={setSelected}
              osmTiles={osm}
            />
          </Box>
          <Switch
            mt="xs"
            size="sm"
            checked={osm}
            onChange={(e) => setOsm(e.currentTarget.checked)}
            label="Fond de carte détaillé (OpenStreetMap, nécessite Internet)"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {selected && (
            <Box mb="md">
              <StructureCard id={selected} onClose={() => setSelected(null)} />
            </Box>
          )}
          <Title order={2} size="h4" mb="xs" id="map-list-title">
            Liste des structures
          </Title>
          {total === 0 && !points.isPending ? (
            <Empty>Aucune structure ne correspond à ces filtres.</Empty>
          ) : (
            <Box component="ol" aria-labelledby="map-list-title" p={0} m={0} style={{ listStyle: 'none' }}>
              {shown.map((p) => (
                <li key={p.id}>
                  <UnstyledButton
                    onClick={() => setSelected(p.id)}
                    aria-pressed={selected === p.id}
                    data-testid="map-list-item"
                    p="xs"
                    w="100%"
                    style={{
                      borderBottom: '1px solid var(--mantine-color-gray-3)',
                      background: selected === p.id ? 'var(--mantine-color-blue-0)' : undefined,
                    }}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <KindBadge kind={p.kind} />
                      <div>
                        <Text size="sm" fw={600}>
                          {p.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {p.communeName}
                          {p.distanceKm !== null ? ` · ${formatKm(p.distanceKm)}` : ''}
                        </Text>
                      </div>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Box>
          )}
          {items.length > PAGE_SIZE && (
            <Pagination
              mt="sm"
              size="sm"
              total={Math.ceil(items.length / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': control === 'next' ? 'Page suivante' : 'Page précédente',
              })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          )}
        </Grid.Col>
      </Grid>
    </Container>
  );
}

/** /annuaire: the list with the same filters and a text search, paginated by the server. */
