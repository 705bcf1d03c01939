import { Alert, Badge, Button, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import {
  type MissionDetail,
  type Occurrence,
  type Series,
  type SeriesResult,
  usePlanningAction,
  WEEKDAYS,
} from './model';
import { addDays, longDay, parisClock, parisIso, todayInParis } from './time';
import { WorkerPicker } from './WorkerPicker';

const nextDay = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A day of the series and its verdict; in the days' order (no sorting: the check reads from the first day on). */
const occurrenceColumns = (workerName: string | null): DataColumn<Occurrence>[] => [
  {
    key: 'jour',
    header: 'Jour et heures',
    cell: (o) => (
      <>
        <Text size="sm" tt="capitalize">
          {longDay(o.date)}
        </Text>
        <Text size="sm">
          {parisClock(o.start)}–{parisClock(o.end)}
        </Text>
        {o.publicHoliday ? (
          <Text size="xs" c="orange">
            férié ({o.publicHoliday})
          </Text>
        ) : null}
      </>
    ),
  },
  {
    key: 'resultat',
    header: 'Résultat',
    cell: (o) => (
      <>
        {o.status === 'assigned' ? (
          <Badge color="teal.9">{workerName ?? 'Attribué'}</Badge>
        ) : o.status === 'open' ? (
          <Badge color="red.9">À pourvoir</Badge>
        ) : (
          <Badge color="gray.8">Non créé</Badge>
        )}
        {o.problem && (
          <Text size="sm" c="red.9" data-testid="refusal">
            {o.problem.message}
          </Text>
        )}
        {o.warnings.map((w) => (
          <Text key={w} size="xs" c="orange">
            {w}
          </Text>
        ))}
      </>
    ),
  },
];

/** Each occurrence with its verdict: the rule that refuses it is written next to it, in French. */
export function OccurrenceTable({ result, workerName }: { result: SeriesResult; workerName: string | null }) {
  return (
    <Stack gap="xs">
      <DataTable
        rows={result.shifts}
        columns={occurrenceColumns(workerName)}
        rowKey={(o) => o.date}
        rowProps={(o) => ({ 'data-occurrence': o.date, 'data-status': o.status })}
        caption="Créneaux de la série, jour par jour"
        empty="Aucun jour de la série dans cette période."
        highlightOnHover={false}
      />
      {result.skipped.length > 0 && (
        <Text size="sm" c="dimmed">
          Jours sautés :{' '}
          {result.skipped
            .map((s) => `${formatDate(s.date)} (${s.reason === 'exception' ? 'exception' : s.reason})`)
            .join(', ')}
        </Text>
      )}
      {result.cancelled && result.cancelled.length > 0 && (
        <Text size="sm" c="dimmed">
          Créneaux annulés (jours retirés de la série) : {result.cancelled.map((c) => formatDate(c.date)).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Adds shifts to a mission (one-off or weekly), or changes a series from a date. The series is first checked
 * occurrence by occurrence (nothing written); the officer then creates all of it (the refused days left open,
 * to be filled) or only the days no rule refuses.
 */
export function SeriesForm({
  mission,
  series,
  onDone,
  onCancel,
}: {
  mission: MissionDetail;
  /** Set to change this series from a date. */
  series?: Series;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const editing = !!series;
  const today = todayInParis();
  const [kind, setKind] = useState<'recurring' | 'once'>('recurring');
  const [worker, setWorker] = useState<{ id: string | null; name: string | null }>({
    id: series?.workerId ?? null,
    name: series?.workerName ?? null,
  });
  const [preview, setPreview] = useState<SeriesResult | null>(null);
  const [once, setOnce] = useState<{ status: string; warnings: string[] } | null>(null);
  const qc = useQueryClient();
  const orgId = useOrgId();

  // Checks the series (nothing written), or creates the one-off shift; the rules' refusals of a whole input come
  // back next to their field (API.md's details), the refusals of a day next to that day.
  const form = useApiForm({
    initial: {
      weekdays: (series?.weekdays ?? [1, 2, 3, 4, 5]).map(String),
      startTime: series?.startTime ?? '08:00',
      endTime: series?.endTime ?? '12:00',
      startDate: series ? maxDate(series.startDate, today) : maxDate(mission.startDate, today),
      // Four weeks by default (a series covers at most a year); the officer extends it up to the mission's end.
      endDate: series?.endDate ?? [mission.endDate, addDays(maxDate(mission.startDate, today), 27)].sort()[0],
      skipPublicHolidays: series?.skipPublicHolidays ?? true,
    },
    submit: async (v): Promise<{ once: { status: string; warnings: string[] } } | { preview: SeriesResult }> => {
      if (kind === 'once' && !editing) {
        const r = await call(planningApi.createShift, {
          params: { orgId },
          body: {
            missionId: mission.id,
            workerId: worker.id,
            start: parisIso(v.startDate, v.startTime),
            end: parisIso(v.endTime <= v.startTime ? nextDay(v.startDate) : v.startDate, v.endTime),
          },
        });
        return { once: r };
      }
      const pattern = patternOf(v);
      const r = editing
        ? await call(planningApi.previewSeriesEdit, {
            params: { orgId, seriesId: series.id },
            body: { ...pattern, fromDate: v.startDate, endDate: v.endDate },
          })
        : await call(planningApi.previewSeries, {
            params: { orgId },
            body: { ...pattern, missionId: mission.id, startDate: v.startDate, endDate: v.endDate },
          });
      return { preview: r };
    },
    onSuccess: (r) => {
      if ('preview' in r) return setPreview(r.preview);
      setOnce(r.once);
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
      onDone(r.once.status === 'assigned' ? `Créneau créé et attribué à ${worker.name}.` : 'Créneau créé, à pourvoir.');
    },
  });
  const v = form.values;
  const patternOf = (x: typeof v) => ({
    weekdays: x.weekdays.map(Number),
    startTime: x.startTime,
    endTime: x.endTime,
    skipPublicHolidays: x.skipPublicHolidays,
    workerId: worker.id,
  });
  const save = usePlanningAction(
    (o, skipRefused: boolean): Promise<SeriesResult> =>
      editing
        ? call(planningApi.editSeries, {
            params: { orgId: o, seriesId: series.id },
            body: { ...patternOf(v), fromDate: v.startDate, endDate: v.endDate, skipRefused },
          })
        : call(planningApi.createSeries, {
            params: { orgId: o },
            body: { ...patternOf(v), missionId: mission.id, startDate: v.startDate, endDate: v.endDate, skipRefused },
          }),
  );
  /** A changed input makes the check and the one-off result stale. */
  const changed = <K extends keyof typeof v & string>(key: K) => {
    const f = form.field(key);
    return {
      ...f,
      onChange: (arg: unknown) => {
        f.onChange(arg);
        stale();
      },
    };
  };
  const stale = () => {
    setPreview(null);
    setOnce(null);
  };
  const refused = preview?.shifts.filter((o) => o.problem).length ?? 0;

  const submit = async (skipRefused: boolean) => {
    const r = await save.mutateAsync(skipRefused).catch(() => null);
    if (!r) return;
    const parts = [
      `${r.created} créneau${r.created > 1 ? 'x' : ''} ${editing ? 'dans la série modifiée' : `créé${r.created > 1 ? 's' : ''}`}`,
    ];
    if (r.assigned) parts.push(`${r.assigned} attribué${r.assigned > 1 ? 's' : ''} à ${worker.name}`);
    if (r.open) parts.push(`${r.open} à pourvoir`);
    if (skipRefused && refused) parts.push(`${refused} non créé${refused > 1 ? 's' : ''}`);
    if (r.cancelled?.length) parts.push(`${r.cancelled.length} annulé${r.cancelled.length > 1 ? 's' : ''}`);
    onDone(`${parts.join(', ')}.`);
  };

  return (
    <form aria-label={editing ? 'Modifier la série' : 'Ajouter des créneaux'} onSubmit={form.onSubmit}>
      <Stack>
        {!editing && (
          <SegmentedControl
            aria-label="Type de créneaux"
            value={kind}
            onChange={(v) => {
              setKind(v as 'recurring' | 'once');
              stale();
            }}
            data={[
              { value: 'recurring', label: 'Chaque semaine' },
              { value: 'once', label: 'Une seule fois' },
            ]}
          />
        )}
        {kind === 'recurring' || editing ? (
          <>
            {/* Real checkboxes (a Chip's input is hidden under its label): named by the full day, clickable. */}
            <Checkbox.Group label="Jours de la semaine" {...changed('weekdays')}>
              <Group gap="md" mt={6} wrap="wrap">
                {WEEKDAYS.map((d) => (
                  <Checkbox key={d.value} value={String(d.value)} label={d.label} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={editing ? 'À partir du' : 'Du'}
                {...changed('startDate')}
                error={form.errorAt('startDate') ?? form.errorAt('fromDate')}
                min={editing ? series.startDate : mission.startDate}
                max={mission.endDate}
                required
              />
              <TextInput
                type="date"
                label="Jusqu’au"
                {...changed('endDate')}
                min={v.startDate}
                max={mission.endDate}
                required
              />
            </Group>
          </>
        ) : (
          <TextInput
            type="date"
            label="Jour"
            {...changed('startDate')}
            error={form.errorAt('startDate') ?? form.errorAt('start')}
            min={mission.startDate}
            max={mission.endDate}
            required
          />
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput type="time" label="Début" {...changed('startTime')} required />
          <TextInput
            type="time"
            label="Fin"
            {...changed('endTime')}
            error={form.errorAt('endTime') ?? form.errorAt('end')}
            required
          />
        </Group>
        {(kind === 'recurring' || editing) && (
          <Checkbox
            label="Sauter les jours fériés"
            checked={v.skipPublicHolidays}
            onChange={(e) => {
              form.set('skipPublicHolidays', e.currentTarget.checked);
              stale();
            }}
          />
        )}
        <WorkerPicker
          value={worker.id}
          initialName={worker.name}
          rome={mission.rome}
          onChange={(id, name) => {
            setWorker({ id, name });
            stale();
          }}
        />
        {form.errorAt('workerId') && (
          <Text size="sm" c="red.9">
            {form.errorAt('workerId')}
          </Text>
        )}
        <ErrorAlert error={form.alertError ?? save.error} />
        {once && once.warnings.length > 0 && (
          <Alert color="orange" title="À surveiller">
            {once.warnings.join(' ')}
          </Alert>
        )}
        {!preview && (
          <Group>
            <Button type="submit" loading={form.busy}>
              {kind === 'once' && !editing ? 'Créer le créneau' : 'Vérifier les créneaux'}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Fermer
              </Button>
            )}
          </Group>
        )}
        {preview && (
          <section aria-label="Vérification">
            <Text fw={600} mb="xs">
              {preview.shifts.length} créneau{preview.shifts.length > 1 ? 'x' : ''}
              {refused > 0
                ? ` : ${refused} refusé${refused > 1 ? 's' : ''} pour ${worker.name} (motif à côté de chaque jour)`
                : worker.id
                  ? ` : tous possibles pour ${worker.name}`
                  : ' à pourvoir'}
            </Text>
            <OccurrenceTable result={preview} workerName={worker.name} />
            <Group mt="sm" wrap="wrap">
              <Button loading={save.isPending && save.variables === false} onClick={() => submit(false)}>
                {refused > 0
                  ? `Tout créer (les ${refused} refusés restent à pourvoir)`
                  : editing
                    ? 'Appliquer la modification'
                    : `Créer les ${preview.shifts.length} créneaux`}
              </Button>
              {refused > 0 && (
                <Button
                  variant="light"
                  loading={save.isPending && save.variables === true}
                  onClick={() => submit(true)}
                >
                  Créer seulement les {preview.shifts.length - refused} créneaux acceptés
                </Button>
              )}
              <Button variant="default" onClick={stale}>
                Changer
              </Button>
            </Group>
          </section>
        )}
      </Stack>
    </form>
  );
}
