import { Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { formatDateTime } from '../../shared/format';
import { timesheetsApi } from '../../shared/timesheets';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import type { Entry } from './EntriesTable';

/** Paris wall-clock "HH:MM" of an ISO instant, and back (same Paris day as `reference`). */
const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
function withTime(reference: string, time: string): string {
  const ref = new Date(reference);
  const [h, m] = time.split(':').map(Number);
  const current = hhmm(reference).split(':').map(Number);
  const delta = (h - current[0]) * 60 + (m - current[1]);
  return new Date(ref.getTime() + delta * 60000).toISOString();
}

/** The association corrects an entry's actual times and pause, with the reason (kept in the entry's history). */
export function CorrectionModal({
  entry,
  onClose,
  onSaved,
}: {
  entry: Entry;
  onClose: () => void;
  onSaved: () => void;
}) {
  const orgId = useOrgId();
  const form = useApiForm({
    initial: {
      start: hhmm(entry.actualStart),
      end: hhmm(entry.actualEnd),
      breakMinutes: entry.breakMinutes as number | string,
      reason: '',
    },
    submit: (v) => {
      const actualStart = withTime(entry.actualStart, v.start);
      let actualEnd = withTime(entry.actualEnd, v.end);
      // An end before the start crosses midnight.
      if (new Date(actualEnd) <= new Date(actualStart) && v.end < v.start)
        actualEnd = new Date(new Date(actualEnd).getTime() + 86400000).toISOString();
      return call(timesheetsApi.correctEntry, {
        params: { orgId, id: entry.id },
        body: { actualStart, actualEnd, breakMinutes: Number(v.breakMinutes) || 0, reason: v.reason },
      });
    },
    onSuccess: onSaved,
  });
  return (
    <Modal opened onClose={onClose} title={`Corriger l’intervention de ${entry.workerName}`} centered>
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            Prévu : {formatDateTime(entry.plannedStart)} – {hhmm(entry.plannedEnd)}
          </Text>
          <Group grow>
            <TextInput type="time" label="Début réel" {...form.field('start')} error={form.errorAt('actualStart')} />
            <TextInput type="time" label="Fin réelle" {...form.field('end')} error={form.errorAt('actualEnd')} />
          </Group>
          <NumberInput label="Pause (minutes)" min={0} max={600} {...form.field('breakMinutes')} />
          <Textarea label="Raison de la correction" required {...form.field('reason')} />
          <ErrorAlert error={form.alertError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.busy}>
              Enregistrer la correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
