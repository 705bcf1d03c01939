import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import { CERTIFICATE_KIND_LABELS, type CERTIFICATE_KINDS, type Worker, workersApi } from '../../shared/workers';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { useWorkerForm } from './use-worker-form';
import { Section, useWorker } from './worker-record';

export function CertificatesSection({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const qc = useQueryClient();
  const form = useWorkerForm(workerId, {
    initial: { kind: 'driving_licence' as string | null, label: '', obtainedOn: '', expiresOn: '' },
    send: (params, v) =>
      call(workersApi.addCertificate, {
        params,
        body: {
          kind: v.kind as (typeof CERTIFICATE_KINDS)[number],
          label: v.label || CERTIFICATE_KIND_LABELS[v.kind ?? 'other'],
          obtainedOn: v.obtainedOn || null,
          expiresOn: v.expiresOn || null,
        },
      }),
    resetOnSuccess: true,
  });
  const remove = useMutation({
    mutationFn: (certificateId: string) =>
      call(workersApi.removeCertificate, { params: { orgId, workerId, certificateId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] }),
  });
  const columns: DataColumn<Worker['certificates'][number]>[] = [
    { key: 'intitule', header: 'Intitulé', sortBy: (c) => c.label, cell: (c) => c.label },
    {
      key: 'obtenu',
      header: 'Obtention',
      sortBy: (c) => c.obtainedOn,
      cell: (c) => (c.obtainedOn ? `obtenu le ${formatDate(c.obtainedOn)}` : ''),
    },
    {
      key: 'expire',
      header: 'Expiration',
      sortBy: (c) => c.expiresOn,
      cell: (c) => (c.expiresOn ? `expire le ${formatDate(c.expiresOn)}` : ''),
    },
    {
      key: 'action',
      header: 'Action',
      cell: (c) =>
        canWrite && (
          <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(c.id)}>
            Retirer
          </Button>
        ),
    },
  ];
  return (
    <Section title="Certificats et habilitations">
      <DataTable
        rows={w.certificates}
        columns={columns}
        rowKey={(c) => c.id}
        caption="Certificats et habilitations"
        empty="Aucun certificat enregistré."
        urlPrefix="certificats-"
        striped={false}
        mb="sm"
      />
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Certificat non enregistré" />
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Type"
              data={Object.entries(CERTIFICATE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.field('kind')}
              allowDeselect={false}
            />
            <TextInput label="Intitulé" {...form.field('label')} placeholder="ex. Permis B" />
            <TextInput type="date" label="Obtenu le" {...form.field('obtainedOn')} />
            <TextInput type="date" label="Expire le" {...form.field('expiresOn')} />
            <Button type="submit" loading={form.busy}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}
