import { Button, SimpleGrid, Text, TextInput } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { supportApi } from '../../shared/support';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, type SupportFile, useSupportForm } from './support-file';

const columns: DataColumn<SupportFile['immersions'][number]>[] = [
  { key: 'structure', header: 'Structure d’accueil', sortBy: (i) => i.host, cell: (i) => i.host },
  {
    key: 'dates',
    header: 'Dates',
    sortBy: (i) => i.startDate,
    cell: (i) => `du ${formatDate(i.startDate)} au ${formatDate(i.endDate)}`,
  },
  { key: 'objectif', header: 'Objectif', cell: (i) => i.objective },
  {
    key: 'bilan',
    header: 'Bilan',
    cell: (i) =>
      i.outcome ?? (
        <Text c="dimmed" size="sm">
          Bilan à faire
        </Text>
      ),
  },
];

export function ImmersionsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const empty = { host: '', startDate: '', endDate: '', objective: '' };
  const form = useSupportForm(workerId, {
    initial: empty,
    send: (params, v) => call(supportApi.recordImmersion, { params, body: v }),
  });
  return (
    <Block title="Immersions (PMSMP)">
      <DataTable
        rows={file.immersions}
        columns={columns}
        rowKey={(i) => i.id}
        caption="Immersions en milieu professionnel"
        empty="Aucune immersion."
        urlPrefix="immersions-"
        striped={false}
        mb="sm"
      />
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Immersion non enregistrée" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Structure d’accueil" {...form.field('host')} required />
            <TextInput label="Objectif de l’immersion" {...form.field('objective')} required />
            <TextInput type="date" label="Début de l’immersion" {...form.field('startDate')} required />
            <TextInput type="date" label="Fin de l’immersion" {...form.field('endDate')} required />
          </SimpleGrid>
          <Button type="submit" mt="sm" loading={form.busy}>
            Enregistrer l’immersion
          </Button>
        </form>
      )}
    </Block>
  );
}
