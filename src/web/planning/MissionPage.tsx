import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatMinutes } from '../../shared/format';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { type Series, type Shift, useMission, usePlanningAction, useShifts, WEEKDAYS } from './model';
import { SeriesForm } from './SeriesForm';
import { longDay, parisClock, parisDay, todayInParis } from './time';

const days = (s: Series) =>
  WEEKDAYS.filter((d) => s.weekdays.includes(d.value))
    .map((d) => d.short)
    .join(' ');

const UPCOMING_COLUMNS: DataColumn<Shift>[] = [
  {
    key: 'jour',
    header: 'Jour',
    sortBy: (s) => s.start,
    csv: (s) => longDay(parisDay(s.start)),
    cell: (s) => <span style={{ textTransform: 'capitalize' }}>{longDay(parisDay(s.start))}</span>,
  },
  {
    key: 'heures',
    header: 'Heures',
    cell: (s) => `${parisClock(s.start)}–${parisClock(s.end)} (${formatMinutes(s.minutes)})`,
  },
  {
    key: 'personne',
    header: 'Personne',
    sortBy: (s) => s.workerName ?? '',
    cell: (s) => (
      <span data-shift-id={s.id}>
        {s.status === 'open' ? <Badge color="red.9">À pourvoir</Badge> : s.workerName}
        {s.pendingProposals > 0 && (
          <Badge color="violet.9" variant="outline" ml="xs">
            proposé ({s.pendingProposals})
          </Badge>
        )}
      </span>
    ),
  },
];

/**
 * One mission: its place, job, period and instructions; its weekly series (changed or cancelled from a date)
 * and its upcoming shifts; and the form that adds shifts, one-off or weekly, checked day by day.
 */
export function MissionPage() {
  const { missionId } = useParams();
  const can = useCan();
  const mission = useMission(missionId);
  const [f, setF] = useUrlFilters(['nouvelle'] as const);
  const [adding, setAdding] = useState(f.nouvelle === '1');
  const [editing, setEditing] = useState<Series | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayInParis();
  const shifts = useShifts({ missionId, from: today, limit: 100 });
  if (mission.isPending) return <Loading />;
  if (!mission.data) return <ErrorAlert error={mission.error} />;
  const m = mission.data;
  const upcoming = (shifts.data?.items ?? []).filter((s) => s.status !== 'cancelled');
  const seriesColumns: DataColumn<Series>[] = [
    {
      key: 'jours',
      header: 'Jours et heures',
      cell: (s) => (
        <>
          {days(s)} · {s.startTime}–{s.endTime}
          {s.skipPublicHolidays ? (
            <Text size="xs" c="dimmed">
              jours fériés sautés
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'periode',
      header: 'Période',
      sortBy: (s) => s.startDate,
      cell: (s) => (
        <>
          du {formatDate(s.startDate)} au {formatDate(s.endDate)}
          {s.cancelledFrom && (
            <Badge color="gray.8" ml="xs">
              annulée à partir du {formatDate(s.cancelledFrom)}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'personne',
      header: 'Personne',
      sortBy: (s) => s.workerName,
      cell: (s) => s.workerName ?? <Badge color="red.9">À pourvoir</Badge>,
    },
    {
      key: 'creneaux',
      header: 'Créneaux',
      sortBy: (s) => s.shiftsLive,
      cell: (s) => `${s.shiftsLive}${s.shiftsOpen ? ` (${s.shiftsOpen} à pourvoir)` : ''}`,
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (s) =>
        can('shift.write') &&
        !s.cancelledFrom &&
        s.endDate >= today && (
          // data-series-id: the series' actions (e2e/missions.test.ts finds them by it).
          <Group gap="xs" wrap="wrap" data-series-id={s.id}>
            <Button size="xs" variant="light" onClick={() => setEditing(s)}>
              Modifier à partir d’une date
            </Button>
            <CancelSeries series={s} onDone={setNotice} />
          </Group>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={`Mission ${m.romeLabel}`}
        subtitle={`${m.clientName} · ${m.siteName}${m.siteCommune ? ` (${m.siteCommune})` : ''} · du ${formatDate(m.startDate)} au ${formatDate(m.endDate)}`}
        actions={
          <>
            <Button
              component={Link}
              to={`../../../contrats/${m.placementContractId}`}
              relative="path"
              variant="default"
            >
              Contrat {m.contractNumber}
            </Button>
            <Button component={Link} to={`../?client=${m.clientId}`} relative="path" variant="default">
              Missions du client
            </Button>
            <Button component={Link} to="../.." relative="path" variant="default">
              Planning
            </Button>
          </>
        }
      />
      {notice && (
        <Alert color="teal.9" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {m.notes && (
        <Card withBorder mb="md">
          <Title order={2} size="h4" mb={4}>
            Consignes
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{m.notes}</Text>
        </Card>
      )}

      <Card withBorder mb="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            Ajouter des créneaux
          </Title>
          {!adding && can('shift.write') && <Button onClick={() => setAdding(true)}>Ajouter des créneaux</Button>}
        </Group>
        {adding ? (
          <SeriesForm
            mission={m}
            onDone={(msg) => {
              setNotice(msg);
              setAdding(false);
              setF({ nouvelle: null });
            }}
            onCancel={() => {
              setAdding(false);
              setF({ nouvelle: null });
            }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {m.shiftsTotal} créneau{m.shiftsTotal > 1 ? 'x' : ''} dans cette mission, dont {m.shiftsOpen} à pourvoir.
          </Text>
        )}
      </Card>

      <Card withBorder mb="md">
        <Title order={2} size="h4" mb="xs">
          Séries de créneaux
        </Title>
        <DataTable
          rows={m.series}
          columns={seriesColumns}
          rowKey={(s) => s.id}
          caption="Séries de créneaux"
          empty="Aucune série : ajoutez des créneaux chaque semaine ci-dessus."
          urlPrefix="series-"
          striped={false}
        />
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Prochains créneaux
        </Title>
        <ErrorAlert error={shifts.error} />
        <DataTable
          rows={upcoming}
          columns={UPCOMING_COLUMNS}
          rowKey={(s) => s.id}
          caption="Prochains créneaux de la mission"
          empty="Aucun créneau à venir."
          urlPrefix="creneaux-"
          pageSize={25}
        />
      </Card>

      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title="Modifier la série à partir d’une date"
        size="xl"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {editing && (
          <Stack>
            <Text size="sm" c="dimmed">
              Les créneaux avant la date choisie ne changent pas. À partir de cette date, les jours gardés sont déplacés
              (la personne reste la même si elle le peut), les jours retirés sont annulés et les nouveaux jours créés.
            </Text>
            <SeriesForm
              mission={m}
              series={editing}
              onDone={(msg) => {
                setNotice(msg);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Cancels a series from a date on, naming how many shifts go. */
function CancelSeries({ series, onDone }: { series: Series; onDone: (m: string) => void }) {
  const today = todayInParis();
  const [from, setFrom] = useState([series.startDate, today].sort()[1]);
  const cancel = usePlanningAction((o) =>
    call(planningApi.cancelSeries, { params: { orgId: o, seriesId: series.id }, body: { fromDate: from } }),
  );
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        size="xs"
        label="Annuler à partir du"
        value={from}
        min={series.startDate}
        max={series.endDate}
        onChange={(e) => setFrom(e.currentTarget.value)}
      />
      <ConfirmButton
        size="xs"
        color="red.9"
        variant="outline"
        consequence={`Tous les créneaux de cette série à partir du ${formatDate(from)} seront annulés : ils ne seront ni travaillés ni facturés, et les personnes prévues en seront libérées.`}
        confirmLabel="Annuler la série"
        onConfirm={async () => {
          const r = await cancel.mutateAsync();
          onDone(
            `${r.cancelled.length} créneau${r.cancelled.length > 1 ? 'x' : ''} annulé${r.cancelled.length > 1 ? 's' : ''}.`,
          );
        }}
      >
        Annuler la série
      </ConfirmButton>
    </Group>
  );
}
