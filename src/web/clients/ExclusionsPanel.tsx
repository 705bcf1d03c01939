import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClientDetail } from '../../shared/clients';
import { clientsApi } from '../../shared/clients';
import { formatDate } from '../../shared/format';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { StackTable } from '../shell/StackTable';
import { useCan, useOrgId } from '../shell/session';
import { Empty, ErrorAlert } from '../shell/ui';

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
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Les salarié·es que le client ne souhaite plus recevoir : le planning ne les propose pas pour ce client.
      </Text>
      {client.excludedWorkers.length === 0 ? (
        <Empty>Personne sur cette liste.</Empty>
      ) : (
        <StackTable>
          <Table.Tbody>
            {client.excludedWorkers.map((w) => (
              <Table.Tr key={w.workerId}>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>{w.reason}</Table.Td>
                <Table.Td>depuis le {formatDate(w.since)}</Table.Td>
                <Table.Td>
                  {can('client.write') && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={async () => {
                        await call(clientsApi.includeWorker, {
                          params: { orgId, clientId: client.id, workerId: w.workerId },
                        });
                        onChange();
                      }}
                    >
                      Retirer de la liste
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
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
