import { Anchor, Badge, Button, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { api, qs } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { useMissions } from './model';

/** The missions, per placement contract or per client (filters kept in the URL), newest first. */
export function MissionsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['contrat', 'client'] as const);
  const missions = useMissions({ placementContractId: f.contrat || undefined, clientId: f.client || undefined });
  const clients = useQuery({
    queryKey: ['planning', orgId, 'clients-for-missions'],
    queryFn: () => api<{ items: { id: string; name: string }[] }>(`/api/orgs/${orgId}/clients${qs({ limit: 200 })}`),
    enabled: can('client.read'),
  });
  const items = missions.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Missions"
        subtitle={
          f.contrat && items[0]
            ? `Contrat ${items[0].contractNumber} · ${items[0].clientName}`
            : 'Chaque mission : un métier, un lieu, une période, sous un contrat de mise à disposition signé.'
        }
        actions={
          can('mission.write') && (
            <Button component={Link} to={`nouvelle${qs({ contrat: f.contrat })}`} relative="path">
              Nouvelle mission
            </Button>
          )
        }
      />
      {can('client.read') && !f.contrat && (
        <Select
          label="Client"
          placeholder="Tous les clients"
          searchable
          clearable
          data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={f.client || null}
          onChange={(v) => setF({ client: v })}
          maw={420}
          mb="md"
        />
      )}
      {f.contrat && (
        <Button variant="subtle" mb="sm" onClick={() => setF({ contrat: null })}>
          Voir toutes les missions
        </Button>
      )}
      <ErrorAlert error={missions.error} />
      {missions.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>Aucune mission.</Empty>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table striped aria-label="Missions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mission</Table.Th>
                <Table.Th>Client et lieu</Table.Th>
                <Table.Th>Période</Table.Th>
                <Table.Th>Créneaux</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={m.id} relative="path">
                      {m.romeLabel}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      contrat {m.contractNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {m.clientName}
                    <Text size="xs" c="dimmed">
                      {m.siteName}
                      {m.siteCommune ? ` (${m.siteCommune})` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(m.startDate)} – {formatDate(m.endDate)}
                  </Table.Td>
                  <Table.Td>
                    {m.shiftsTotal} {m.shiftsOpen > 0 && <Badge color="red.9">{m.shiftsOpen} à pourvoir</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
