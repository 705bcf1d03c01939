import { Button, Group, Text, TextInput } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { supportApi, TRAINING_STATUS_LABELS } from '../../shared/support';
import { call } from '../api';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, type SupportFile, useSupportForm } from './support-file';

export function TrainingsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const empty = { title: '', provider: '', startDate: '', endDate: '' };
  const form = useSupportForm(workerId, {
    initial: empty,
    send: (params, v) =>
      call(supportApi.recordTraining, {
        params,
        body: { title: v.title, provider: v.provider || null, startDate: v.startDate, endDate: v.endDate || null },
      }),
  });
  return (
    <Block title="Formations">
      {file.trainings.map((t) => (
        <Text size="sm" key={t.id}>
          {t.title}
          {t.provider ? ` (${t.provider})` : ''} · à partir du {formatDate(t.startDate)} ·{' '}
          {TRAINING_STATUS_LABELS[t.status]}
        </Text>
      ))}
      {file.trainings.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucune formation.
        </Text>
      )}
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Formation non enregistrée" />
          <Group align="flex-end" wrap="wrap" mt="sm">
            <TextInput label="Formation" {...form.field('title')} required />
            <TextInput label="Organisme" {...form.field('provider')} />
            <TextInput type="date" label="Début de la formation" {...form.field('startDate')} required />
            <TextInput type="date" label="Fin de la formation" {...form.field('endDate')} />
            <Button type="submit" loading={form.busy}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}
