import { Badge, Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import { BARRIER_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, type SupportFile, useSupportForm } from './support-file';

export function ActionsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const form = useSupportForm(workerId, {
    initial: { label: '', partner: '', barrierId: null as string | null, dueOn: '' },
    send: (params, v) =>
      call(supportApi.addAction, {
        params,
        body: { label: v.label, partner: v.partner || null, barrierId: v.barrierId, dueOn: v.dueOn || null },
      }),
  });
  const orgId = useOrgId();
  const qc = useQueryClient();
  const done = useMutation({
    mutationFn: (id: string) =>
      call(supportApi.updateActionStatus, {
        params: { orgId, workerId, actionId: id },
        body: { status: 'done' },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  const columns: DataColumn<SupportFile['actions'][number]>[] = [
    { key: 'action', header: 'Action', sortBy: (a) => a.label, cell: (a) => a.label },
    { key: 'partenaire', header: 'Partenaire', sortBy: (a) => a.partner, cell: (a) => a.partner },
    {
      key: 'echeance',
      header: 'Échéance',
      sortBy: (a) => a.dueOn,
      cell: (a) => (a.dueOn ? `pour le ${formatDate(a.dueOn)}` : ''),
    },
    {
      key: 'statut',
      header: 'Statut',
      sortBy: (a) => a.status,
      cell: (a) =>
        a.status === 'done' ? (
          <Badge color="teal.9">Faite</Badge>
        ) : canWrite ? (
          <Button size="xs" variant="light" onClick={() => done.mutate(a.id)}>
            Marquer faite
          </Button>
        ) : (
          'Prévue'
        ),
    },
  ];
  return (
    <Block title="Actions et partenaires">
      <DataTable
        rows={file.actions}
        columns={columns}
        rowKey={(a) => a.id}
        caption="Actions et partenaires"
        empty="Aucune action."
        urlPrefix="actions-"
        striped={false}
        mb="sm"
      />
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Action non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Action" {...form.field('label')} required w={280} />
            <TextInput label="Partenaire" {...form.field('partner')} />
            <Select
              label="Frein concerné"
              data={file.barriers.map((b) => ({ value: b.id, label: BARRIER_LABELS[b.category] }))}
              {...form.field('barrierId')}
              clearable
            />
            <TextInput type="date" label="Échéance" {...form.field('dueOn')} />
            <Button type="submit" loading={form.busy}>
              Ajouter l’action
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}
