import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatMinutes } from '../../shared/format';
import { api } from '../api';
import { useCan } from '../shell/session';
import { ConfirmButton, Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { type Series, useMission, usePlanningAction, useShifts, WEEKDAYS } from './model';
import { SeriesForm } from './SeriesForm';
import { longDay, parisClock, parisDay, todayInParis } from './time';

const days = (s: Series) =>
  WEEKDAYS.filter((d) => s.weekdays.includes(d.value))
    .map((d) => d.short)
    .join(' ');

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
        {m.series.length === 0 ? (
          <Text c="dimmed">Aucune série : ajoutez des créneaux chaque semaine ci-dessus.</Text>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table aria-label="Séries de créneaux">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Jours et heures</Table.Th>
                  <Table.Th>Période</Table.Th>
                  <Table.Th>Personne</Table.Th>
                  <Table.Th>Créneaux</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.series.map((s) => (
                  <Table.Tr key={s.id} data-series-id={s.id}>
                    <Table.Td>
                      {days(s)} · {s.startTime}–{s.endTime}
                      {s.skipPublicHolidays ? (
                        <Text size="xs" c="dimmed">
                          jours fériés sautés
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      du {formatDate(s.startDate)} au {formatDate(s.endDate)}
                      {s.cancelledFrom && (
                        <Badge color="gray.8" ml="xs">
                          annulée à partir du {formatDate(s.cancelledFrom)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{s.workerName ?? <Badge color="red.9">À pourvoir</Badge>}</Table.Td>
                    <Table.Td>
                      {s.shiftsLive}
                      {s.shiftsOpen ? ` (${s.shiftsOpen} à pourvoir)` : ''}
                    </Table.Td>
                    <Table.Td>
                      {can('shift.write') && !s.cancelledFrom && s.endDate >= today && (
                        <Group gap="xs" wrap="wrap">
                          <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                            Modifier à partir d’une date
                          </Button>
                          <CancelSeries series={s} onDone={setNotice} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Prochains créneaux
        </Title>
        <ErrorAlert error={shifts.error} />
        {upcoming.length === 0 ? (
          <Empty>Aucun créneau à venir.</Empty>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table striped aria-label="Prochains créneaux de la mission">
              <Table.Tbody>
                {upcoming.map((s) => (
                  <Table.Tr key={s.id} data-shift-id={s.id}>
                    <Table.Td style={{ textTransform: 'capitalize' }}>{longDay(parisDay(s.start))}</Table.Td>
                    <Table.Td>
                      {parisClock(s.start)}–{parisClock(s.end)} ({formatMinutes(s.minutes)})
                    </Table.Td>
                    <Table.Td>
                      {s.status === 'open' ? <Badge color="red.9">À pourvoir</Badge> : s.workerName}
                      {s.pendingProposals > 0 && (
                        <Badge color="violet.9" variant="outline" ml="xs">
                          proposé ({s.pendingProposals})
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
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
    api<{ cancelled: { id: string; date: string }[] }>(`/api/orgs/${o}/shift-series/${series.id}/cancel`, {
      body: { fromDate: from },
    }),
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
