import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import type { BARRIER_STATUSES, BarrierCategory } from '../../shared/support';
import { BARRIER_LABELS, BARRIER_STATUS_LABELS, INTENSITY_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Reserved } from './Reserved';
import { Block, options, type SupportFile, useSupportForm } from './support-file';

type Barrier = SupportFile['barriers'][number];

export function BarriersBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const form = useSupportForm(workerId, {
    initial: { category: null as string | null, intensity: '2' as string | null, details: '' },
    send: (params, v) =>
      call(supportApi.addBarrier, {
        params,
        body: { category: v.category as BarrierCategory, intensity: Number(v.intensity), details: v.details || null },
      }),
  });
  const orgId = useOrgId();
  const qc = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) =>
      call(supportApi.updateBarrier, {
        params: { orgId, workerId, barrierId: id },
        body: { status: status as (typeof BARRIER_STATUSES)[number] },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  const columns: DataColumn<Barrier>[] = [
    {
      key: 'frein',
      header: 'Frein',
      sortBy: (b) => BARRIER_LABELS[b.category],
      cell: (b) => (
        <>
          {BARRIER_LABELS[b.category]}
          <Text size="xs" c="dimmed">
            repéré le {formatDate(b.identifiedOn)}
            {b.liftedOn ? `, levé le ${formatDate(b.liftedOn)}` : ''}
          </Text>
        </>
      ),
    },
    {
      key: 'intensite',
      header: 'Intensité',
      sortBy: (b) => b.intensity,
      cell: (b) => INTENSITY_LABELS[String(b.intensity)],
    },
    { key: 'details', header: 'Détails', cell: (b) => (b.restricted ? <Reserved /> : b.details) },
    {
      key: 'statut',
      header: 'Statut',
      sortBy: (b) => BARRIER_STATUS_LABELS[b.status],
      cell: (b) =>
        canWrite ? (
          <Select
            aria-label={`Statut du frein ${BARRIER_LABELS[b.category]}`}
            data={options(BARRIER_STATUS_LABELS)}
            value={b.status}
            onChange={(v) => v && setStatus.mutate({ id: b.id, status: v })}
            allowDeselect={false}
            size="xs"
            w={170}
          />
        ) : (
          BARRIER_STATUS_LABELS[b.status]
        ),
    },
  ];
  return (
    <Block title="Freins périphériques">
      <DataTable
        rows={file.barriers}
        columns={columns}
        rowKey={(b) => b.id}
        caption="Freins périphériques repérés"
        empty="Aucun frein repéré."
        urlPrefix="freins-"
        striped={false}
        mb="sm"
      />
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Frein non enregistré" />
          <Group align="flex-end" wrap="wrap">
            <Select label="Frein" data={options(BARRIER_LABELS)} {...form.field('category')} required w={240} />
            <Select
              label="Intensité"
              data={options(INTENSITY_LABELS)}
              {...form.field('intensity')}
              allowDeselect={false}
              w={140}
            />
            <TextInput label="Détails" {...form.field('details')} w={320} />
            <Button type="submit" loading={form.busy}>
              Ajouter le frein
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}
