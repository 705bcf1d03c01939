import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { IconSend, IconUnavailable } from '../shell/icons';
import { useMembership, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { BigButton, Block } from './falc';
import { addDays, parisIso, todayInParis } from './time';

/** "I am not available": a one-off unavailability on my record (no work is given to me then). */
export function MyUnavailabilityForm() {
  const orgId = useOrgId();
  const { workerId } = useMembership();
  const qc = useQueryClient();
  const form = useApiForm({
    initial: { day: addDays(todayInParis(), 1), from: '08:00', to: '18:00', reason: '' },
    submit: (v) =>
      call(workersApi.declareUnavailability, {
        params: { orgId, workerId: workerId ?? '' },
        body: { start: parisIso(v.day, v.from), end: parisIso(v.day, v.to), reason: v.reason || null },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
    },
  });
  return (
    <Block id="unavailable" icon={IconUnavailable} title="Je ne suis pas disponible">
      <Text size="lg">Dites-nous quand vous ne pouvez pas travailler.</Text>
      <Text size="lg">Si vous êtes malade, appelez aussi l’association.</Text>
      {form.succeeded && (
        <Alert color="teal.9" variant="filled" role="status">
          C’est noté. On ne vous donnera pas de travail à ce moment.
        </Alert>
      )}
      <form onSubmit={form.onSubmit}>
        <Stack gap="xs">
          <TextInput size="md" type="date" label="Le jour" {...form.field('day')} required />
          <Group grow>
            <TextInput
              size="md"
              type="time"
              label="De"
              {...form.field('from')}
              error={form.errorAt('start')}
              required
            />
            <TextInput size="md" type="time" label="À" {...form.field('to')} error={form.errorAt('end')} required />
          </Group>
          <TextInput size="md" label={'Pourquoi\u00a0? (si vous voulez)'} {...form.field('reason')} />
          <ErrorAlert error={form.alertError} title="Ce n’est pas possible" />
          <BigButton icon={IconSend} action="unavailable" type="submit" loading={form.busy}>
            Envoyer
          </BigButton>
        </Stack>
      </form>
    </Block>
  );
}
