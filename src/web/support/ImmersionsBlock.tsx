import { Button, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { supportApi } from '../../shared/support';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, type SupportFile, useSupportForm } from './support-file';

export function ImmersionsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const empty = { host: '', startDate: '', endDate: '', objective: '' };
  const form = useSupportForm(workerId, {
    initial: empty,
    send: (params, v) => call(supportApi.recordImmersion, { params, body: v }),
  });
  return (
    <Block title="Immersions (PMSMP)">
      {file.immersions.length === 0 ? (
        <Text c="dimmed" size="sm" mb="sm">
          Aucune immersion.
        </Text>
      ) : (
        <StackTable mb="sm">
          <Table.Tbody>
            {file.immersions.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.host}</Table.Td>
                <Table.Td>
                  du {formatDate(i.startDate)} au {formatDate(i.endDate)}
                </Table.Td>
                <Table.Td>{i.objective}</Table.Td>
                <Table.Td>
                  {i.outcome ?? (
                    <Text c="dimmed" size="sm">
                      Bilan à faire
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
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
