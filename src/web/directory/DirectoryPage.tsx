import type { z } from 'zod';
import { directoryApi } from '../../shared/directory';
import { call, urlOf } from '../api';

/** The filters as the page's URL holds them (text): the server checks them. */
type SearchFilters = Omit<z.input<typeof directoryApi.search.query>, 'limit' | 'offset'>;

import { Anchor, Button, Card, Container, Group, Pagination, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { Empty, ErrorAlert, PageHeader, useUrlFilters } from '../shell/ui';
import { addressText, FILTER_KEYS, formatKm, retryServerErrors } from './api';
import { DirectoryFilters } from './Filters';
import { filterQuery, useFilterErrors } from './filter-url';

/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */
import { KindBadge } from './KindBadge';

const PAGE_SIZE = 20;

export function DirectoryPage() {
  const [values, set] = useUrlFilters([...FILTER_KEYS, 'page'] as const);
  const page = Math.max(1, Number(values.page) || 1);
  const query = {
    ...(Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k]])) as SearchFilters),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['public-structures', urlOf(directoryApi.search, { query })],
    queryFn: () => call(directoryApi.search, { query }),
    placeholderData: (prev) => prev,
    retry: retryServerErrors,
  });
  const total = list.data?.total ?? 0;
  const mapQuery = filterQuery(values);
  return (
    <Container size="lg" py="md">
      <PageHeader
        title="Annuaire des structures d’insertion"
        subtitle="Trouvez une structure par commune, département, métier ou type."
        actions={
          <Button component={Link} to={`/carte${mapQuery}`} variant="default">
            Voir sur la carte
          </Button>
        }
      />
      <DirectoryFilters
        values={values}
        set={(p) => set({ ...p, page: '' })}
        errors={useFilterErrors(list.error)}
        withText
      />
      {list.error && !(list.error instanceof ApiError && list.error.status === 400) && (
        <ErrorAlert error={list.error} />
      )}
      <Text mt="sm" role="status" aria-live="polite" data-testid="result-count">
        {list.isPending ? 'Chargement…' : `${total} structure${total > 1 ? 's' : ''}`}
      </Text>
      {total === 0 && !list.isPending ? (
        <Empty>Aucune structure ne correspond à ces filtres.</Empty>
      ) : (
        <Stack component="ul" gap="sm" mt="sm" p={0} style={{ listStyle: 'none' }}>
          {(list.data?.items ?? []).map((s) => (
            <Card component="li" withBorder key={s.id} padding="sm" data-testid="directory-item">
              <Group justify="space-between" wrap="wrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    <KindBadge kind={s.kind} />
                    <Anchor component={Link} to={`/structures/${s.slug}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    {addressText(s.address)}
                    {s.distanceKm !== null ? ` · à ${formatKm(s.distanceKm)}` : ''}
                  </Text>
                </div>
                <Group gap="sm">
                  {s.phone && (
                    <Anchor size="sm" href={`tel:${s.phone.replace(/\s/g, '')}`}>
                      {s.phone}
                    </Anchor>
                  )}
                  <Button size="xs" component={Link} to={`/besoin?structure=${s.id}`} variant="light">
                    Déposer un besoin
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          mt="md"
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(p) => set({ page: p === 1 ? '' : String(p) })}
          getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Page suivante' : 'Page précédente' })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
        />
      )}
    </Container>
  );
}

/** /structures/:slug: one structure's page. */
