import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCents, formatDate } from '../../shared/format';
import { quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { useCan, useOrgId } from '../shell/session';

export function ClientDocuments({ clientId }: { clientId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const quotes = useQuery({
    queryKey: ['quotes', orgId, 'client', clientId],
    queryFn: () => call(quotesApi.list, { params: { orgId }, query: { clientId, limit: 100 } }),
    enabled: can('quote.read'),
  });
  const contracts = useQuery({
    queryKey: ['placement-contracts', orgId, 'client', clientId],
    queryFn: () => call(quotesApi.contracts, { params: { orgId }, query: { clientId, limit: 100 } }),
    enabled: can('placement_contract.read'),
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Devis
        </Title>
        {quotes.data?.items.length === 0 && <Text c="dimmed">Aucun devis.</Text>}
        {quotes.data?.items.map((q) => (
          <Group key={q.id} justify="space-between">
            <Anchor component={Link} to={`../../devis/${q.id}`} relative="path">
              {q.number}
              {q.revision > 1 ? ` (v${q.revision})` : ''}
            </Anchor>
            <Text size="sm">
              {formatCents(q.totalCents)} · {q.status}
            </Text>
          </Group>
        ))}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Contrats de mise à disposition
        </Title>
        {contracts.data?.items.length === 0 && <Text c="dimmed">Aucun contrat.</Text>}
        {contracts.data?.items.map((c) => (
          <Group key={c.id} justify="space-between">
            <Anchor component={Link} to={`../../contrats/${c.id}`} relative="path">
              {c.number}
            </Anchor>
            <Text size="sm">jusqu’au {formatDate(c.endDate)}</Text>
          </Group>
        ))}
      </Card>
    </SimpleGrid>
  );
}
