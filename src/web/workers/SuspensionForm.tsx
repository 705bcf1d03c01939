import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  CURRENT_PASS_SUSPENSION_REASONS,
  type PassSuspensionReason,
  SUSPENSION_REASON_LABELS,
  workersApi,
} from '../../shared/workers';
import { call } from '../api';
import { ErrorAlert } from '../shell/ui';
import { today, useWorkerForm } from './use-worker-form';

/** A suspension of the PASS IAE (les-emplois' reasons): its end moves back by the suspension's length. */
export function SuspensionForm({
  workerId,
  passId,
  onDone,
}: {
  workerId: string;
  passId: string;
  onDone?: () => void;
}) {
  const form = useWorkerForm(workerId, {
    initial: { startDate: today(), endDate: '', reason: null as string | null, explanation: '' },
    send: (params, v) =>
      call(workersApi.suspendPass, {
        params: { ...params, passId },
        body: {
          startDate: v.startDate,
          endDate: v.endDate,
          reason: v.reason as PassSuspensionReason,
          explanation: v.explanation || undefined,
        },
      }),
    onDone: () => onDone?.(),
  });
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="Suspension non enregistrée" />
        <Group grow>
          <TextInput type="date" label="Début de la suspension" {...form.field('startDate')} required />
          <TextInput type="date" label="Fin de la suspension" {...form.field('endDate')} required />
        </Group>
        <Select
          label="Motif (liste des emplois de l’inclusion)"
          data={CURRENT_PASS_SUSPENSION_REASONS.map((value) => ({ value, label: SUSPENSION_REASON_LABELS[value] }))}
          {...form.field('reason')}
          allowDeselect={false}
          required
        />
        <TextInput label="Précisions" {...form.field('explanation')} placeholder="ex. arrêt maladie du 3 au 20 mars" />
        <Text size="sm" c="dimmed">
          Aucune mission ne peut être confiée pendant une suspension ; deux suspensions ne se chevauchent pas.
        </Text>
        <Group>
          <Button type="submit" loading={form.busy}>
            Suspendre le PASS
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
