import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Pass, workersApi } from '../../shared/workers';
import { call } from '../api';
import { ErrorAlert } from '../shell/ui';
import { today, useWorkerForm } from './use-worker-form';

/** A new PASS IAE: number and start; the end is computed (start + 730 days − 1). */
export function PassForm({ workerId, onDone }: { workerId: string; onDone?: (p: Pass) => void }) {
  const form = useWorkerForm(workerId, {
    initial: { number: '', startDate: today() },
    send: (params, v) =>
      call(workersApi.issuePass, { params, body: { number: v.number.trim(), startDate: v.startDate } }),
    onDone: (p) => {
      // The waiting period lifted by an authorised prescriber's diagnosis: recorded, with a warning to read.
      if (p.warning)
        notifications.show({
          color: 'orange',
          autoClose: false,
          closeButtonProps: { 'aria-label': 'Fermer la notification' },
          message: p.warning,
        });
      onDone?.(p);
    },
  });
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="PASS IAE non enregistré" />
        <TextInput
          label="Numéro du PASS IAE"
          description="12 caractères, tel qu’indiqué sur Les emplois de l’inclusion"
          value={form.values.number}
          onChange={(e) => form.set('number', e.currentTarget.value.toUpperCase())}
          error={form.errorAt('number') ?? form.errorAt('pass.number')}
          required
          maxLength={14}
        />
        <TextInput type="date" label="Début de validité" {...form.field('startDate')} required />
        <Text size="sm" c="dimmed">
          La fin est calculée : 2 ans (début + 730 jours − 1), repoussée par les suspensions et les prolongations.
        </Text>
        <Group>
          <Button type="submit" loading={form.busy}>
            Enregistrer le PASS IAE
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
