import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { reportingApi } from '../../shared/reporting';
import { call } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { TILE_TEXT } from './tiles';

/** The tiles of what needs the member today, each one click from the page that acts. */
export function TodayTiles({ base }: { base: string }) {
  const orgId = useOrgId();
  const { data, error, isPending } = useQuery({
    queryKey: ['home', orgId],
    queryFn: () => call(reportingApi.home, { params: { orgId } }),
  });
  if (isPending) return <Loading />;
  if (error || !data) return <ErrorAlert error={error} title="Accueil indisponible" />;
  // Things to do first, then the calm ones (UX.md: lists open on what needs attention).
  const tiles = [...data.tiles].sort((a, b) => Number(b.count > 0) - Number(a.count > 0));
  return (
    <section aria-labelledby="today-title">
      <Title order={2} size="h3" id="today-title" mt="lg" mb="sm">
        À traiter aujourd’hui
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {tiles.map((t) => {
          const text = TILE_TEXT[t.key];
          if (!text) return null;
          const hint = text.hint?.(t);
          const urgent = t.count > 0;
          return (
            <Card
              key={t.key}
              withBorder
              padding="md"
              component={Link}
              to={`${base}/${text.to(t)}`}
              style={{ textDecoration: 'none', borderColor: urgent ? 'var(--mantine-color-orange-7)' : undefined }}
              data-tile={t.key}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text fw={600}>{text.label}</Text>
                {/* Never shrunk by a long label beside it: a count cut to « 2. » reads as another number. */}
                <Badge
                  size="lg"
                  color={urgent ? 'orange' : 'gray'}
                  variant={urgent ? 'filled' : 'light'}
                  style={{ flexShrink: 0 }}
                >
                  {t.key === 'month_close' ? (t.state === 'done' ? 'OK' : '1') : t.count}
                </Badge>
              </Group>
              {hint && (
                <Text size="sm" c="dimmed" mt={4}>
                  {hint}
                </Text>
              )}
              <Text size="sm" c="blue.9" mt="xs" td="underline">
                {text.action}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
