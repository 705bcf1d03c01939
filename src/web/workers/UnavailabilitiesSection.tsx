import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../shared/format';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { useWorkerForm } from './use-worker-form';
import { Section } from './worker-record';

export function UnavailabilitiesSection({ workerId }: { workerId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['unavailabilities', orgId, workerId],
    queryFn: () => call(workersApi.unavailabilities, { params: { orgId, workerId } }),
    enabled: can('unavailability.read'),
  });
  const form = useWorkerForm(workerId, {
    initial: { start: '', end: '', reason: '' },
    send: (params, v) =>
      call(workersApi.declareUnavailability, {
        params,
        body: { start: new Date(v.start).toISOString(), end: new Date(v.end).toISOString(), reason: v.reason || null },
      }),
    resetOnSuccess: true,
    onDone: () => qc.invalidateQueries({ queryKey: ['unavailabilities', orgId, workerId] }),
  });
  const remove = useMutation({
    mutationFn: (unavailabilityId: string) =>
      call(workersApi.removeUnavailability, { params: { orgId, workerId, unavailabilityId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['unavailabilities', orgId, workerId] }),
  });
  if (!can('unavailability.read')) return null;
  return (
    <Section title="Indisponibilités ponctuelles">
      {list.data?.items.length ? (
        <StackTable mb="sm">
          <Table.Tbody>
            {list.data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {formatDateTime(u.start)} → {formatDateTime(u.end)}
                </Table.Td>
                <Table.Td>{u.reason}</Table.Td>
                <Table.Td>
                  {can('unavailability.write') && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(u.id)}>
                      Supprimer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Aucune indisponibilité à venir.
        </Text>
      )}
      {can('unavailability.write') && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Indisponibilité non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput type="datetime-local" label="Début" {...form.field('start')} required />
            <TextInput type="datetime-local" label="Fin" {...form.field('end')} required />
            <TextInput label="Motif" {...form.field('reason')} />
            <Button type="submit" loading={form.busy}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}
