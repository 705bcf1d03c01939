import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatMinutes } from '../../shared/format';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { AbsenceDialog, type AbsenceTarget } from './AbsenceDialog';
import { type Shift, useShifts } from './model';
import { ShiftPanel } from './ShiftPanel';
import { addDays, longDay, mondayOf, parisClock, parisDay, parisIso, todayInParis } from './time';
import { WeekPicker } from './WeekPicker';

/** Shifts of a period grouped by client, site and day: who comes when, and what is still open. */
export function ClientViewPage() {
  const orgId = useOrgId();
  const [f, setF] = useUrlFilters(['semaine', 'client'] as const);
  const from = f.semaine || mondayOf(todayInParis());
  const shifts = useShifts({
    from: parisIso(from, '00:00'),
    to: parisIso(addDays(from, 7), '00:00'),
    clientId: f.client || undefined,
    limit: 200,
  });
  const [selected, setSelected] = useState<Shift | null>(null);
  const [absence, setAbsence] = useState<AbsenceTarget | null>(null);
  const items = (shifts.data?.items ?? []).filter((s) => s.status !== 'cancelled');
  const clients = [...new Map(items.map((s) => [s.clientId, s.clientName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  return (
    <>
      <PageHeader title="Planning par client et par lieu" subtitle="Qui intervient où, jour par jour." />
      <Group mb="md" align="flex-end">
        <WeekPicker monday={from} onChange={(semaine) => setF({ semaine })} />
        <Select
          label="Client"
          placeholder="Tous les clients"
          clearable
          searchable
          value={f.client || null}
          onChange={(v) => setF({ client: v })}
          data={clients.map(([value, label]) => ({ value, label }))}
        />
      </Group>
      <ErrorAlert error={shifts.error} />
      {!shifts.data ? <Loading /> : <SiteWeek shifts={items} onOpen={setSelected} />}
      {shifts.data && shifts.data.total > 200 && (
        <Text size="sm" c="dimmed" mt="sm">
          Les 200 premiers créneaux sont affichés : choisissez un client pour tout voir.
        </Text>
      )}
      <ShiftPanel
        shift={selected}
        onClose={() => setSelected(null)}
        onDeclareAbsence={(s) => {
          setSelected(null);
          setAbsence({ workerId: s.workerId!, workerName: s.workerName ?? '', date: parisDay(s.start) });
        }}
      />
      <AbsenceDialog orgId={orgId} target={absence} onClose={() => setAbsence(null)} />
    </>
  );
}

/** Cards per client and site, each listing its days and who comes. Shared with the client portal. */
export function SiteWeek({
  shifts,
  onOpen,
  actions,
}: {
  shifts: Shift[];
  onOpen?: (s: Shift) => void;
  actions?: (s: Shift) => React.ReactNode;
}) {
  const sites = new Map<string, Shift[]>();
  for (const s of shifts) sites.set(s.siteId, [...(sites.get(s.siteId) ?? []), s]);
  if (sites.size === 0) return <Text c="dimmed">Aucun créneau sur cette période.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {[...sites.values()].map((list) => {
        const days = new Map<string, Shift[]>();
        for (const s of list) days.set(parisDay(s.start), [...(days.get(parisDay(s.start)) ?? []), s]);
        return (
          <Card withBorder key={list[0].siteId}>
            <Title order={2} size="h4">
              {list[0].clientName}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {list[0].siteName}
              {list[0].siteCommune ? ` · ${list[0].siteCommune}` : ''}
            </Text>
            <Stack gap={6}>
              {[...days.entries()].map(([day, ds]) => (
                <div key={day}>
                  <Text fw={600} size="sm" tt="capitalize">
                    {longDay(day)}
                  </Text>
                  {ds.map((s) => (
                    // Wraps on a phone so that the actions (Absent·e, Autre personne) stay on screen.
                    <Group key={s.id} gap="xs" wrap="wrap" data-shift-id={s.id}>
                      <Text size="sm" style={{ minWidth: 92 }}>
                        {parisClock(s.start)}–{parisClock(s.end)}
                      </Text>
                      {s.status === 'open' ? (
                        <Badge color="red.9" variant="filled">
                          À pourvoir
                        </Badge>
                      ) : (
                        <Text size="sm" fw={500}>
                          {s.workerName}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {s.romeLabel} · {formatMinutes(s.minutes)}
                      </Text>
                      {onOpen && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => onOpen(s)}
                          aria-label={`Ouvrir le créneau de ${parisClock(s.start)} le ${longDay(day)}`}
                        >
                          Ouvrir
                        </Button>
                      )}
                      {actions?.(s)}
                    </Group>
                  ))}
                </div>
              ))}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/** One worker's calendar over four weeks, with the hours per week. */
export function WorkerCalendarPage() {
  const { workerId } = useParams();
  const [f, setF] = useUrlFilters(['semaine'] as const);
  const from = f.semaine || mondayOf(todayInParis());
  const shifts = useShifts({
    from: parisIso(from, '00:00'),
    to: parisIso(addDays(from, 28), '00:00'),
    workerId,
    status: 'assigned',
    limit: 200,
  });
  const [selected, setSelected] = useState<Shift | null>(null);
  const items = shifts.data?.items ?? [];
  const name = items[0]?.workerName ?? 'Salarié·e';
  return (
    <>
      <PageHeader title={`Calendrier de ${name}`} subtitle="Quatre semaines à partir de la semaine choisie." />
      <Group mb="md" align="flex-end">
        <Button
          variant="default"
          aria-label="Semaines précédentes"
          onClick={() => setF({ semaine: addDays(from, -28) })}
        >
          ←
        </Button>
        <TextInput
          type="date"
          label="À partir du"
          value={from}
          onChange={(e) => e.currentTarget.value && setF({ semaine: mondayOf(e.currentTarget.value) })}
        />
        <Button variant="default" aria-label="Semaines suivantes" onClick={() => setF({ semaine: addDays(from, 28) })}>
          →
        </Button>
      </Group>
      <ErrorAlert error={shifts.error} />
      {!shifts.data ? (
        <Loading />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[0, 1, 2, 3].map((w) => {
            const monday = addDays(from, w * 7);
            const week = items.filter((s) => mondayOf(parisDay(s.start)) === monday);
            return (
              <Card withBorder key={monday}>
                <Title order={2} size="h5">
                  Semaine du {longDay(monday)} · {formatMinutes(week.reduce((t, s) => t + s.minutes, 0))}
                </Title>
                {week.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    Aucun créneau.
                  </Text>
                ) : (
                  week.map((s) => (
                    <Group key={s.id} gap="xs">
                      <Text size="sm" tt="capitalize" style={{ minWidth: 150 }}>
                        {longDay(parisDay(s.start))}
                      </Text>
                      <Text size="sm">
                        {parisClock(s.start)}–{parisClock(s.end)} · {s.clientName}
                      </Text>
                      <Button size="compact-xs" variant="subtle" onClick={() => setSelected(s)}>
                        Ouvrir
                      </Button>
                    </Group>
                  ))
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <ShiftPanel shift={selected} onClose={() => setSelected(null)} onDeclareAbsence={() => setSelected(null)} />
    </>
  );
}
