import { Alert, Card, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { timesheetsApi } from '../../shared/timesheets';
import { call } from '../api';
import { IconArrive, IconLeave, IconPin } from '../shell/icons';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { BigButton, hours, Line } from './falc';
import { longDay, parisClock, parisDay, todayInParis } from './time';

/** Whether the association uses clock-in (and with the position), and today's shifts to clock. */
export function useMyClock() {
  const orgId = useOrgId();
  return useQuery({
    queryKey: ['planning', orgId, 'me', 'clock'],
    queryFn: () => call(timesheetsApi.myClock, { params: { orgId } }),
  });
}

/** « J'arrive » / « Je pars » on today's shifts (and a night shift starting after midnight, named by its day), when
 * the association uses clock-in. */
export function MyClockIn() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const clock = useMyClock();
  const [done, setDone] = useState<string | null>(null);
  const punch = useMutation({
    mutationFn: async (v: { shiftId: string; kind: 'arrive' | 'leave' }) => {
      const position = clock.data?.mode === 'with_position' && clock.data.sharePosition ? await locate() : null;
      return call(timesheetsApi.clockShift, {
        params: { orgId, shiftId: v.shiftId },
        body: { kind: v.kind, position },
      });
    },
    onSuccess: (r) => {
      setDone(
        r.kind === 'arrive'
          ? `C’est noté. Vous êtes arrivé·e à ${parisClock(r.at)}.`
          : `C’est noté. Vous êtes parti·e à ${parisClock(r.at)}. Merci !`,
      );
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me'] });
    },
  });
  const items = clock.data?.items ?? [];
  if (!clock.data || clock.data.mode === 'off' || items.length === 0) return null;
  return (
    <Stack gap="xs" data-falc-block="clock">
      <Text size="lg" fw={700}>
        Aujourd’hui, dites quand vous arrivez et quand vous partez.
      </Text>
      {done && (
        <Alert color="teal.9" variant="filled" role="status">
          {done}
        </Alert>
      )}
      <ErrorAlert error={punch.error} title="Ce n’est pas possible" />
      {items.map((c) => (
        <Card withBorder padding="sm" key={c.shiftId} data-clock-shift={c.shiftId}>
          <Stack gap={6}>
            <Line icon={IconPin}>
              {c.place}, {parisDay(c.start) === todayInParis() ? '' : `${longDay(parisDay(c.start))}, `}
              {hours(c).toLowerCase()}
            </Line>
            {c.arrivedAt && <Line icon={IconArrive}>Arrivé·e à {parisClock(c.arrivedAt)}.</Line>}
            {c.leftAt && <Line icon={IconLeave}>Parti·e à {parisClock(c.leftAt)}.</Line>}
            {c.canArrive && (
              <BigButton
                icon={IconArrive}
                action="clock"
                color="teal.9"
                loading={punch.isPending}
                onClick={() => punch.mutate({ shiftId: c.shiftId, kind: 'arrive' })}
              >
                J’arrive
              </BigButton>
            )}
            {c.canLeave && (
              <BigButton
                icon={IconLeave}
                action="clock"
                color="blue.9"
                loading={punch.isPending}
                onClick={() => punch.mutate({ shiftId: c.shiftId, kind: 'leave' })}
              >
                Je pars
              </BigButton>
            )}
          </Stack>
        </Card>
      ))}
      {clock.data.mode === 'with_position' && (
        <Text c="dimmed">
          {clock.data.sharePosition
            ? 'Votre position est envoyée quand vous pointez.'
            : 'Votre position n’est pas envoyée.'}
        </Text>
      )}
    </Stack>
  );
}

/** The phone's position, or null when it is refused or too slow. */
function locate(): Promise<{ lat: number; lng: number; accuracyM: number } | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 60_000 },
    );
  });
}
