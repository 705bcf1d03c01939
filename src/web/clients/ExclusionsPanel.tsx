import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClientDetail } from '../../shared/clients';
import { clientsApi } from '../../shared/clients';
import { formatDate } from '../../shared/format';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';

export function ExclusionsPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const [search, setSearch] = useState('');
  const form = useApiForm({
    initial: { workerId: null as string | null, reason: '' },
    submit: (v) =>
      call(clientsApi.excludeWorker, {
        params: { orgId, clientId: client.id },
        body: { workerId: v.workerId ?? '', reason: v.reason || null },
      }),
    resetOnSuccess: true,
    onSuccess: onChange,
  });
  const workers = useQuery({
    queryKey: ['workers-search', orgId, search],
    queryFn: () => call(workersApi.list, { params: { orgId }, query: { q: search, limit: 20 } }),
    enabled: can('worker.read') && search.length >= 2,
  });
  const columns: DataColumn<ClientDetail['excludedWorkers'][number]>[] = [
    { key: 'nom', header: 'Salarié·e', sortBy: (w) => w.name, cell: (w) => w.name },
    { key: 'motif', header: 'Motif', cell: (w) => w.reason },
    { key: 'depuis', header: 'Depuis', sortBy: (w) => w.since, cell: (w) => `depuis le ${formatDate(w.since)}` },
    {
      key: 'action',
      header: 'Action',
      cell: (w) =>
        can('client.write') && (
          <Button
            size="xs"
            variant="subtle"
            onClick={async () => {
              await call(clientsApi.includeWorker, { params: { orgId, clientId: client.id, workerId: w.workerId } });
              onChange();
            }}
          >
            Retirer de la liste
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Les salarié·es que le client ne souhaite plus recevoir : le planning ne les propose pas pour ce client.
      </Text>
      <DataTable
        rows={client.excludedWorkers}
        columns={columns}
        rowKey={(w) => w.workerId}
        caption="Salarié·es à ne plus envoyer chez ce client"
        empty="Personne sur cette liste."
        urlPrefix="exclus-"
      />
      {can('client.write') && can('worker.read') && (
        <form onSubmit={form.onSubmit} noValidate>
          <Group align="flex-end">
            <Select
              label="Salarié·e"
              placeholder="Tapez un nom"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.firstName} ${w.lastName}` }))}
              {...form.field('workerId')}
              w={260}
            />
            <TextInput label="Motif" {...form.field('reason')} w={260} />
            <Button type="submit" disabled={!form.values.workerId} loading={form.busy}>
              Ajouter à la liste
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={form.alertError} />
    </Stack>
  );
}
