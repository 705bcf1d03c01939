import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import { type Worker, workersApi } from '../../shared/workers';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { useWorkerForm } from './use-worker-form';
import { Section, useWorker } from './worker-record';

export function HealthVisitsSection({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const qc = useQueryClient();
  const form = useWorkerForm(workerId, {
    initial: { kind: 'Visite d’information et de prévention', dueOn: '' },
    send: (params, v) => call(workersApi.addHealthVisit, { params, body: v }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
  const done = useMutation({
    mutationFn: (visitId: string) =>
      call(workersApi.updateHealthVisit, {
        params: { orgId, workerId, visitId },
        body: { doneOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) },
      }),
    onSuccess: refresh,
  });
  const columns: DataColumn<Worker['healthVisits'][number]>[] = [
    { key: 'visite', header: 'Visite', sortBy: (v) => v.kind, cell: (v) => v.kind },
    {
      key: 'echeance',
      header: 'Échéance',
      sortBy: (v) => v.doneOn ?? v.dueOn,
      cell: (v) =>
        v.doneOn ? (
          `faite le ${formatDate(v.doneOn)}`
        ) : v.overdue ? (
          <Badge color="red.9">en retard : prévue le {formatDate(v.dueOn)}</Badge>
        ) : (
          `à faire avant le ${formatDate(v.dueOn)}`
        ),
    },
    {
      key: 'action',
      header: 'Action',
      cell: (v) =>
        canWrite &&
        !v.doneOn && (
          <Button size="xs" variant="light" onClick={() => done.mutate(v.id)}>
            Marquer faite aujourd’hui
          </Button>
        ),
    },
  ];
  return (
    <Section title="Suivi de santé au travail">
      <Text size="sm" mb="xs">
        La visite d’information et de prévention est due dans le mois qui suit la première mise à disposition, et avant
        tout créneau de nuit (art. R5132-26-7 du Code du travail) : Passerelle la prévoit à la première mise à
        disposition et prévient la personne chargée de l’accompagnement.
      </Text>
      <DataTable
        rows={w.healthVisits}
        columns={columns}
        rowKey={(v) => v.id}
        caption="Visites de santé au travail"
        empty="Aucune visite prévue."
        urlPrefix="visites-"
        striped={false}
        mb="sm"
      />
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Visite non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Visite" {...form.field('kind')} w={320} />
            <TextInput type="date" label="À faire avant le" {...form.field('dueOn')} required />
            <Button type="submit" loading={form.busy}>
              Prévoir
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}
