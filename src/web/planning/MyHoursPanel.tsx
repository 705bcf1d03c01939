import { Badge, Card, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatMinutes } from '../../shared/format';
import { type MyHours, timesheetsApi } from '../../shared/timesheets';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { IconCross, IconEdit, IconHours, IconMore, IconPin, IconSend } from '../shell/icons';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { BigButton, Block, dayTitle, Line } from './falc';
import { addDays, parisClock, parisDay, parisIso } from './time';

type MyHour = MyHours['items'][number];

/** How far the client went with the hours, in plain words (the worker's page). */
const HOUR_STATE: Record<MyHour['state'], { label: string; color: string }> = {
  none: { label: 'Pas encore vérifié par le client', color: 'gray.8' },
  open: { label: 'Pas encore vérifié par le client', color: 'blue.9' },
  validated: { label: 'Vérifié par le client', color: 'teal.9' },
  invoiced: { label: 'Vérifié et facturé', color: 'dark' },
};

/** "My hours": the hours counted for my past work; I can say they are wrong (with a reason) until validated. */
export function MyHoursPanel() {
  const orgId = useOrgId();
  const hours = useQuery({
    queryKey: ['planning', orgId, 'me', 'hours'],
    queryFn: () => call(timesheetsApi.myHours, { params: { orgId } }),
  });
  const [all, setAll] = useState(false);
  const items = hours.data?.items ?? [];
  return (
    <Block id="hours" icon={IconHours} title="Mes heures travaillées">
      <Text size="lg">Voici les heures comptées pour votre travail.</Text>
      <Text size="lg">Une heure est fausse{'\u00a0'}? Corrigez-la et dites pourquoi.</Text>
      <ErrorAlert error={hours.error} />
      {!hours.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="lg">Pas de travail ces dernières semaines.</Text>
      ) : (
        <>
          {(all ? items : items.slice(0, 3)).map((h) => (
            <HourCard key={h.shiftId} h={h} />
          ))}
          {!all && items.length > 3 && (
            <BigButton icon={IconMore} action="more" variant="default" onClick={() => setAll(true)}>
              Voir toutes mes heures
            </BigButton>
          )}
        </>
      )}
    </Block>
  );
}

function HourCard({ h }: { h: MyHour }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const canCorrect = h.state === 'none' || h.state === 'open';
  const form = useApiForm({
    initial: {
      start: parisClock(h.actualStart),
      end: parisClock(h.actualEnd),
      breakMinutes: h.breakMinutes as number | string,
      reason: '',
    },
    submit: (v) => {
      const startDay = parisDay(h.actualStart);
      const endDay = v.end <= v.start ? addDays(startDay, 1) : startDay;
      return call(timesheetsApi.correctMyHours, {
        params: { orgId, shiftId: h.shiftId },
        body: {
          actualStart: parisIso(startDay, v.start),
          actualEnd: parisIso(endDay, v.end),
          breakMinutes: Number(v.breakMinutes) || 0,
          reason: v.reason,
        },
      });
    },
    onSuccess: () => {
      setOpen(false);
      form.set('reason', '');
      void qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'hours'] });
    },
  });
  const state = HOUR_STATE[h.state];
  const id = `hours-${h.shiftId}`;
  return (
    <Card withBorder padding="sm" aria-labelledby={`${id}-day`} data-falc-block={id}>
      <Stack gap={4}>
        <Text size="lg" fw={700} id={`${id}-day`}>
          {dayTitle(`${h.day}T12:00:00Z`)}
        </Text>
        <Line icon={IconPin}>
          {h.place}. {h.job}.
        </Line>
        <Text>
          Prévu : de {parisClock(h.plannedStart)} à {parisClock(h.plannedEnd)}.
        </Text>
        <Text fw={600}>
          Compté : de {parisClock(h.actualStart)} à {parisClock(h.actualEnd)}
          {h.breakMinutes ? `, pause ${h.breakMinutes} min` : ''}. Total : {formatMinutes(h.minutes)}.
        </Text>
        <Group gap="xs">
          <Badge color={state.color} variant="outline">
            {state.label}
          </Badge>
        </Group>
        {h.lastCorrection && (
          <Text size="sm">
            {h.lastCorrection.byMe ? 'Vous avez corrigé' : 'L’association a corrigé'} ces heures le{' '}
            {formatDate(h.lastCorrection.at)} : « {h.lastCorrection.reason} ».
          </Text>
        )}
        {form.succeeded && (
          <Text role="status" c="teal.9" fw={700}>
            C’est noté. Votre correction est enregistrée.
          </Text>
        )}
        {canCorrect && !open && (
          <BigButton
            icon={IconEdit}
            action="correct"
            variant="light"
            onClick={() => setOpen(true)}
            aria-describedby={`${id}-day`}
          >
            Corriger mes heures
          </BigButton>
        )}
        {!canCorrect && (
          <Text size="sm" c="dimmed">
            Le client a vérifié ces heures. Une erreur{'\u00a0'}? Appelez l’association.
          </Text>
        )}
        {open && (
          <form onSubmit={form.onSubmit}>
            <Stack gap="xs" mt="xs">
              <Group grow>
                <TextInput
                  size="md"
                  type="time"
                  label="Je suis arrivé·e à"
                  {...form.field('start')}
                  error={form.errorAt('actualStart')}
                  required
                />
                <TextInput
                  size="md"
                  type="time"
                  label="Je suis parti·e à"
                  {...form.field('end')}
                  error={form.errorAt('actualEnd')}
                  required
                />
              </Group>
              <NumberInput size="md" label="Pause (en minutes)" min={0} max={600} {...form.field('breakMinutes')} />
              <TextInput
                size="md"
                label={'Pourquoi\u00a0?'}
                description={'Par exemple\u00a0: le bus était en retard.'}
                {...form.field('reason')}
                required
                minLength={3}
              />
              <ErrorAlert error={form.alertError} title="Ce n’est pas possible" />
              <BigButton icon={IconSend} action="correct" type="submit" loading={form.busy}>
                Envoyer la correction
              </BigButton>
              <BigButton icon={IconCross} action="correct" variant="default" onClick={() => setOpen(false)}>
                Annuler
              </BigButton>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
