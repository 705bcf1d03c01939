import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert } from '../shell/ui';
import { addDays, parisIso } from './time';

export type AbsenceTarget = { workerId: string; workerName: string; date: string };

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Declares an absence; names the consequence before confirming ("3 créneaux seront libérés").
 * Used by the officer (grid), and by the client (portal).
 */
export function AbsenceDialog({
  orgId,
  target,
  onClose,
  onDone,
}: {
  orgId: string;
  target: AbsenceTarget | null;
  onClose: () => void;
  onDone?: (uncovered: string[]) => void;
}) {
  const qc = useQueryClient();
  const form = useApiForm({
    initial: { from: '', to: '', reason: '' },
    submit: (v) =>
      call(planningApi.declareAbsence, {
        params: { orgId },
        body: {
          workerId: target!.workerId,
          start: parisIso(v.from, '00:00'),
          end: parisIso(addDays(v.to, 1), '00:00'),
          reason: v.reason,
        },
      }),
    onSuccess: (r) => {
      // Confirmed at once; the planning views refresh in the background.
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
      onDone?.(r.uncoveredShiftIds);
      form.set('reason', '');
      onClose();
    },
  });
  const { from, to, reason } = form.values;
  const { setValues } = form;
  useEffect(() => {
    if (target) setValues((v) => ({ ...v, from: target.date, to: target.date }));
  }, [target, setValues]);
  const valid = !!target && isDay(from) && isDay(to) && to >= from;
  const start = valid ? parisIso(from, '00:00') : '';
  const end = valid ? parisIso(addDays(to, 1), '00:00') : '';
  const preview = useQuery({
    queryKey: ['planning', orgId, 'absence-preview', target?.workerId, start, end],
    queryFn: () =>
      call(planningApi.absencePreview, { params: { orgId }, query: { workerId: target!.workerId, start, end } }),
    enabled: valid,
  });
  const n = preview.data?.count ?? 0;
  return (
    <Modal opened={!!target} onClose={onClose} title={`Absence de ${target?.workerName ?? ''}`} centered>
      <form onSubmit={form.onSubmit}>
        <Stack>
          <Group grow>
            <TextInput
              type="date"
              label="Du"
              {...form.field('from')}
              error={form.errorAt('start') ?? form.errorAt('workerId')}
              required
            />
            <TextInput
              type="date"
              label="Au (inclus)"
              {...form.field('to')}
              error={form.errorAt('end') ?? (valid || !from || !to ? undefined : 'La fin doit suivre le début.')}
              required
            />
          </Group>
          <TextInput label="Motif" placeholder="Maladie, enfant malade…" {...form.field('reason')} required />
          {valid && preview.data && (
            <Alert color={n > 0 ? 'orange' : 'gray'} role="status">
              {n === 0
                ? 'Aucun créneau ne sera libéré.'
                : `${n} créneau${n > 1 ? 'x' : ''} ser${n > 1 ? 'ont' : 'a'} libéré${n > 1 ? 's' : ''} : il faudra trouver un·e remplaçant·e.`}
            </Alert>
          )}
          <ErrorAlert error={form.alertError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red.9" loading={form.busy} disabled={!valid || !reason.trim()}>
              Déclarer l’absence
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Les responsables de mission sont prévenus par e-mail.
          </Text>
        </Stack>
      </form>
    </Modal>
  );
}
