import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, qs } from '../api';
import { ErrorAlert } from '../shell/ui';
import { usePlanningAction } from './model';
import { addDays, parisIso } from './time';

export type AbsenceTarget = { workerId: string; workerName: string; date: string };

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
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (target) {
      setFrom(target.date);
      setTo(target.date);
    }
  }, [target]);
  const valid = !!target && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to >= from;
  const start = valid ? parisIso(from, '00:00') : '';
  const end = valid ? parisIso(addDays(to, 1), '00:00') : '';
  const preview = useQuery({
    queryKey: ['planning', orgId, 'absence-preview', target?.workerId, start, end],
    queryFn: () =>
      api<{ count: number }>(`/api/orgs/${orgId}/absences/preview${qs({ workerId: target!.workerId, start, end })}`),
    enabled: valid,
  });
  const declare = usePlanningAction((o) =>
    api<{ id: string; uncoveredShiftIds: string[] }>(`/api/orgs/${o}/absences`, {
      body: { workerId: target!.workerId, start, end, reason },
    }),
  );
  const fieldErrors = declare.error instanceof ApiError ? declare.error.fieldErrors : {};
  const n = preview.data?.count ?? 0;
  return (
    <Modal opened={!!target} onClose={onClose} title={`Absence de ${target?.workerName ?? ''}`} centered>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await declare.mutateAsync().catch(() => null);
          if (r) {
            onDone?.(r.uncoveredShiftIds);
            setReason('');
            onClose();
          }
        }}
      >
        <Stack>
          <Group grow>
            <TextInput type="date" label="Du" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
            <TextInput
              type="date"
              label="Au (inclus)"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={valid || !from || !to ? undefined : 'La fin doit suivre le début.'}
              required
            />
          </Group>
          <TextInput
            label="Motif"
            placeholder="Maladie, enfant malade…"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            required
          />
          {valid && preview.data && (
            <Alert color={n > 0 ? 'orange' : 'gray'} role="status">
              {n === 0
                ? 'Aucun créneau ne sera libéré.'
                : `${n} créneau${n > 1 ? 'x' : ''} ser${n > 1 ? 'ont' : 'a'} libéré${n > 1 ? 's' : ''} : il faudra trouver un·e remplaçant·e.`}
            </Alert>
          )}
          <ErrorAlert error={declare.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red.9" loading={declare.isPending} disabled={!valid || !reason.trim()}>
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
