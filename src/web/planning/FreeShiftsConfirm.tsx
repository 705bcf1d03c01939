import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { longDay, parisClock, parisDay } from './time';

/**
 * Before an exit is recorded: names the shifts still given to the person after the exit date, which the exit
 * will free (they become open, to be filled). With none, it goes straight on.
 */
export function FreeShiftsConfirm({
  workerId,
  date,
  opened,
  onCancel,
  onConfirm,
}: {
  workerId: string;
  date: string;
  opened: boolean;
  onCancel: () => void;
  /** freeShifts: whether shifts must be freed along with the exit. */
  onConfirm: (freeShifts: boolean) => void;
}) {
  const orgId = useOrgId();
  const after = useQuery({
    queryKey: ['planning', orgId, 'shifts-after', workerId, date],
    queryFn: () => call(planningApi.shiftsAfter, { params: { orgId, workerId }, query: { date } }),
    enabled: opened && !!date,
    staleTime: 0,
  });
  const count = after.data?.count;
  useEffect(() => {
    if (opened && count === 0) onConfirm(false);
  }, [opened, count, onConfirm]);
  return (
    <Modal opened={opened && count !== 0} onClose={onCancel} title="Libérer les créneaux" centered size="lg">
      {after.isPending ? (
        <Loading />
      ) : !after.data ? (
        <ErrorAlert error={after.error} />
      ) : (
        <Stack>
          <Text>
            {after.data.count} créneau{after.data.count > 1 ? 'x' : ''}{' '}
            {after.data.count > 1 ? 'seront libérés' : 'sera libéré'} : {after.data.workerName} n’y ira pas,{' '}
            {after.data.count > 1 ? 'ils redeviennent' : 'il redevient'} à pourvoir pour l’équipe de placement.
          </Text>
          <List size="sm" data-testid="shifts-to-free">
            {after.data.items.map((s) => (
              <List.Item key={s.id}>
                {longDay(parisDay(s.start))}, {parisClock(s.start)}–{parisClock(s.end)} · {s.clientName} ({s.siteName})
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Annuler
            </Button>
            <Button color="red.9" onClick={() => onConfirm(true)}>
              Libérer {after.data.count > 1 ? `les ${after.data.count} créneaux` : 'le créneau'} et enregistrer la
              sortie
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
