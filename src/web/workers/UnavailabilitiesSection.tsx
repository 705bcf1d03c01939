import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { formatDateTime } from '../../shared/format';
import { type UnavailabilityView, workersApi } from '../../shared/workers';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { useWorkerForm } from './use-worker-form';
import { Section } from './worker-record';

type Unavailability = z.infer<typeof UnavailabilityView>;

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
  const columns: DataColumn<Unavailability>[] = [
    {
      key: 'periode',
      header: 'Période',
      sortBy: (u) => u.start,
      cell: (u) => `${formatDateTime(u.start)} → ${formatDateTime(u.end)}`,
    },
    { key: 'motif', header: 'Motif', cell: (u) => u.reason },
    {
      key: 'action',
      header: 'Action',
      cell: (u) =>
        can('unavailability.write') && (
          <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(u.id)}>
            Supprimer
          </Button>
        ),
    },
  ];
  return (
    <Section title="Indisponibilités ponctuelles">
      <DataTable
        rows={list.data?.items ?? []}
        columns={columns}
        rowKey={(u) => u.id}
        caption="Indisponibilités ponctuelles à venir"
        empty="Aucune indisponibilité à venir."
        urlPrefix="indisponibilites-"
        striped={false}
        mb="sm"
      />
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
