import { Anchor, Badge, Button, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { clientsApi } from '../../shared/clients';
import { formatDate } from '../../shared/format';
import type { Mission } from '../../shared/planning';
import { call, qs } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { useMissions } from './model';

const columns: DataColumn<Mission>[] = [
  {
    key: 'mission',
    header: 'Mission',
    sortBy: (m) => m.romeLabel,
    csv: (m) => `${m.romeLabel} (contrat ${m.contractNumber})`,
    cell: (m) => (
      <>
        <Anchor component={Link} to={m.id} relative="path">
          {m.romeLabel}
        </Anchor>
        <Text size="xs" c="dimmed">
          contrat {m.contractNumber}
        </Text>
      </>
    ),
  },
  {
    key: 'client',
    header: 'Client et lieu',
    sortBy: (m) => m.clientName,
    csv: (m) => `${m.clientName}, ${m.siteName}${m.siteCommune ? ` (${m.siteCommune})` : ''}`,
    cell: (m) => (
      <>
        {m.clientName}
        <Text size="xs" c="dimmed">
          {m.siteName}
          {m.siteCommune ? ` (${m.siteCommune})` : ''}
        </Text>
      </>
    ),
  },
  {
    key: 'periode',
    header: 'Période',
    sortBy: (m) => m.startDate,
    csv: (m) => `${formatDate(m.startDate)} – ${formatDate(m.endDate)}`,
    cell: (m) => `${formatDate(m.startDate)} – ${formatDate(m.endDate)}`,
  },
  {
    key: 'creneaux',
    header: 'Créneaux',
    sortBy: (m) => m.shiftsTotal,
    csv: (m) => `${m.shiftsTotal} (${m.shiftsOpen} à pourvoir)`,
    cell: (m) => (
      <>
        {m.shiftsTotal} {m.shiftsOpen > 0 && <Badge color="red.9">{m.shiftsOpen} à pourvoir</Badge>}
      </>
    ),
  },
];

/** The missions, per placement contract or per client (filters kept in the URL), newest first. */
export function MissionsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['contrat', 'client'] as const);
  const missions = useMissions({ placementContractId: f.contrat || undefined, clientId: f.client || undefined });
  const clients = useQuery({
    queryKey: ['planning', orgId, 'clients-for-missions'],
    queryFn: () => call(clientsApi.list, { params: { orgId }, query: { limit: 200 } }),
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
      ) : (
        <DataTable
          rows={items}
          columns={columns}
          rowKey={(m) => m.id}
          caption="Missions"
          empty="Aucune mission."
          searchText={(m) => `${m.romeLabel} ${m.contractNumber} ${m.clientName} ${m.siteName} ${m.siteCommune ?? ''}`}
          searchLabel="Chercher une mission"
          pageSize={50}
          csvName="missions"
        />
      )}
    </>
  );
}
