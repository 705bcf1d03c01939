import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { IconSend, IconSick } from '../shell/icons';
import { useMembership, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { BigButton, Block } from './falc';
import { addDays, parisIso, todayInParis } from './time';

/** "I am sick": an absence that frees my shifts; the association is told at once. */
export function MySickLeaveForm() {
  const orgId = useOrgId();
  const { workerId } = useMembership();
  const qc = useQueryClient();
  const [freed, setFreed] = useState<number | null>(null);
  const form = useApiForm({
    initial: { from: todayInParis(), to: todayInParis() },
    submit: (v) => {
      setFreed(null);
      return call(planningApi.declareAbsence, {
        params: { orgId },
        body: {
          workerId: workerId ?? '',
          start: parisIso(v.from, '00:00'),
          end: parisIso(addDays(v.to, 1), '00:00'),
          reason: 'Déclarée par la personne (maladie ou empêchement)',
        },
      });
    },
    onSuccess: (r) => {
      setFreed(r.uncoveredShiftIds.length);
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
    },
  });
  return (
    <Block id="sick" icon={IconSick} title="Je suis malade, je ne peux pas venir">
      <Text size="lg">L’association sera prévenue tout de suite.</Text>
      <Text size="lg">Elle cherchera une autre personne.</Text>
      {freed !== null && (
        <Alert color="teal" role="status">
          C’est noté. Soignez-vous bien.
          {freed > 0 ? ` ${freed} travail${freed > 1 ? 'x' : ''} sera donné à une autre personne.` : ''}
        </Alert>
      )}
      <form onSubmit={form.onSubmit}>
        <Stack gap="xs">
          <Group grow>
            <TextInput
              size="md"
              type="date"
              label="Du"
              {...form.field('from')}
              error={form.errorAt('start')}
              required
            />
            <TextInput size="md" type="date" label="Au" {...form.field('to')} error={form.errorAt('end')} required />
          </Group>
          <ErrorAlert error={form.alertError} title="Ce n’est pas possible" />
          <BigButton icon={IconSend} action="sick" color="red.9" type="submit" loading={form.busy}>
            Prévenir l’association
          </BigButton>
        </Stack>
      </form>
    </Block>
  );
}
