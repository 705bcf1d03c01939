import { Badge, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import { BARRIER_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
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
  return (
    <Block title="Actions et partenaires">
      {file.actions.length > 0 && (
        <StackTable mb="sm">
          <Table.Tbody>
            {file.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.label}</Table.Td>
                <Table.Td>{a.partner}</Table.Td>
                <Table.Td>{a.dueOn ? `pour le ${formatDate(a.dueOn)}` : ''}</Table.Td>
                <Table.Td>
                  {a.status === 'done' ? (
                    <Badge color="teal.9">Faite</Badge>
                  ) : canWrite ? (
                    <Button size="xs" variant="light" onClick={() => done.mutate(a.id)}>
                      Marquer faite
                    </Button>
                  ) : (
                    'Prévue'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
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
