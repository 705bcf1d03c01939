import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { Link } from 'react-router';
import { formatMinutes } from '../../shared/format';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { AbsenceDialog, type AbsenceTarget } from './AbsenceDialog';
import { type Shift, useGrid, usePlanningAction } from './model';
import { ShiftPanel } from './ShiftPanel';
import { addDays, mondayOf, parisClock, parisDay, parisIso, shortDay, todayInParis } from './time';
import { WeekPicker } from './WeekPicker';

const PAGE = 40;

/** A shift as a small coloured block: open shifts stand out (red), drag it to move it. */
export function ShiftChip({ shift, onOpen, draggable }: { shift: Shift; onOpen: () => void; draggable?: boolean }) {
  const open = shift.status === 'open';
  const proposed = open && shift.pendingProposals > 0;
  return (
    <button
      type="button"
      className="shift-chip"
      data-status={shift.status}
      data-shift-id={shift.id}
      data-proposed={proposed || undefined}
      draggable={draggable}
      onDragStart={(e) => e.dataTransfer.setData('text/shift', shift.id)}
      onClick={onOpen}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: proposed
          ? '2px dashed var(--mantine-color-violet-9)'
          : open
            ? '2px solid var(--mantine-color-red-7)'
            : '1px solid var(--mantine-color-teal-7)',
        background: open ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-teal-0)',
        color: 'var(--mantine-color-black)',
        borderRadius: 4,
        padding: '2px 4px',
        marginBottom: 2,
        fontSize: 12,
        cursor: 'pointer',
      }}
    >
      <VisuallyHidden>{open ? 'À pourvoir : ' : `${shift.workerName ?? ''} : `}</VisuallyHidden>
      <strong>
        {parisClock(shift.start)}–{parisClock(shift.end)}
      </strong>{' '}
      {shift.clientName}
      {shift.publicHoliday ? ' · férié' : ''}
      {proposed && (
        <span style={{ display: 'block', color: 'var(--mantine-color-violet-9)', fontWeight: 600 }}>
          Proposé à {shift.pendingProposals} pers., sans réponse
        </span>
      )}
      {shift.contractUnsigned && (
        <span style={{ display: 'block', color: 'var(--mantine-color-red-9)', fontWeight: 600 }}>
          Avenant non signé
        </span>
      )}
      {shift.clientLegalFormUnknown && (
        // The theme's dark orange for text (theme.css): orange-9 is 4.0:1 on the open chip's tint.
        <span style={{ display: 'block', color: 'var(--mantine-color-orange-light-color)', fontWeight: 600 }}>
          Forme juridique du client à compléter
        </span>
      )}
    </button>
  );
}

/**
 * The week grid (workers × days) of the back office: open shifts first, then one row per worker, paginated
 * so that 300 workers × 4 weeks stay fast. Click a shift to assign, move, cancel or declare an absence;
 * drag it to another day or worker (the same checks apply; the panel's form is the keyboard alternative).
 */
export function PlanningGridPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['semaine', 'jours', 'q', 'page'] as const);
  const from = f.semaine || mondayOf(todayInParis());
  const days = Number(f.jours || 7);
  const page = Number(f.page || 1);
  const grid = useGrid({ from, days, search: f.q, offset: (page - 1) * PAGE, limit: PAGE });
  const [selected, setSelected] = useState<Shift | null>(null);
  const [absence, setAbsence] = useState<AbsenceTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const move = usePlanningAction((o, v: { shift: Shift; date: string; workerId: string }) => {
    const day = parisDay(v.shift.start);
    const shift = (iso: string) =>
      parisIso(
        addDays(
          v.date,
          Math.round((Date.parse(`${parisDay(iso)}T12:00:00Z`) - Date.parse(`${day}T12:00:00Z`)) / 86_400_000),
        ),
        parisClock(iso),
      );
    return call(planningApi.move, {
      params: { orgId: o, shiftId: v.shift.id },
      body: { start: shift(v.shift.start), end: shift(v.shift.end), workerId: v.workerId },
    });
  });
  const all = grid.data ? [...grid.data.shifts, ...grid.data.openShifts] : [];
  const byId = new Map(all.map((s) => [s.id, s]));
  const cell = new Map<string, Shift[]>();
  for (const s of grid.data?.shifts ?? []) {
    const key = `${s.workerId}|${parisDay(s.start)}`;
    cell.set(key, [...(cell.get(key) ?? []), s]);
  }
  const openByDay = new Map<string, Shift[]>();
  for (const s of grid.data?.openShifts ?? []) {
    const d = parisDay(s.start);
    openByDay.set(d, [...(openByDay.get(d) ?? []), s]);
  }
  const onDrop = (date: string, workerId: string) => async (e: DragEvent) => {
    e.preventDefault();
    const s = byId.get(e.dataTransfer.getData('text/shift'));
    if (!s) return;
    const r = await move.mutateAsync({ shift: s, date, workerId }).catch(() => null);
    if (r) setNotice('Créneau déplacé.');
  };
  const totalPages = Math.max(1, Math.ceil((grid.data?.total ?? 0) / PAGE));
  const openCount = grid.data?.openShifts.length ?? 0;
  // Clients of the period whose legal form is unknown: their hours count for the 480 h cap until completed.
  const unknownLegalForm = new Map(all.filter((s) => s.clientLegalFormUnknown).map((s) => [s.clientId, s.clientName]));

  return (
    <>
      <PageHeader
        title="Planning"
        subtitle={
          openCount > 0 ? (
            <Text span c="red.9" fw={600}>
              {openCount} créneau{openCount > 1 ? 'x' : ''} à pourvoir sur la période
            </Text>
          ) : (
            'Tous les créneaux de la période sont pourvus.'
          )
        }
        actions={
          <>
            {can('planning.autoplan') && (
              <Button component={Link} to="auto" variant="default">
                Planification automatique
              </Button>
            )}
            <Button component={Link} to="clients" variant="default">
              Par client
            </Button>
            {can('mission.read') && (
              <Button component={Link} to="missions" variant="default">
                Missions
              </Button>
            )}
            {can('mission.write') && (
              <Button component={Link} to="missions/nouvelle">
                Nouvelle mission
              </Button>
            )}
          </>
        }
      />
      {unknownLegalForm.size > 0 && (
        <Alert color="orange" mb="sm" title="Forme juridique à compléter" data-testid="legal-form-unknown">
          <Text size="sm">
            Par prudence, les heures chez ces clients comptent dans le plafond de 480 h tant que leur forme juridique
            n’est pas renseignée :{' '}
            {[...unknownLegalForm].map(([id, name], i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`../clients/${id}`} relative="path">
                  {name}
                </Anchor>
              </span>
            ))}
            .{' '}
            <Anchor component={Link} to="../clients?forme=inconnue" relative="path">
              Voir tous les clients à compléter
            </Anchor>
          </Text>
        </Alert>
      )}
      <Group mb="sm" wrap="wrap" align="flex-end">
        <WeekPicker monday={from} onChange={(semaine) => setF({ semaine, page: null })} />
        <SegmentedControl
          aria-label="Durée affichée"
          value={String(days)}
          onChange={(v) => setF({ jours: v === '7' ? null : v })}
          data={[
            { value: '7', label: '1 semaine' },
            { value: '28', label: '4 semaines' },
          ]}
        />
        <TextInput
          label="Chercher une personne"
          value={f.q}
          onChange={(e) => setF({ q: e.currentTarget.value, page: null })}
          placeholder="Nom ou prénom"
        />
      </Group>
      <ErrorAlert error={grid.error ?? move.error} />
      {notice && (
        <Text c="teal.9" role="status" mb="xs">
          {notice}
        </Text>
      )}
      {!grid.data ? (
        <Loading />
      ) : (
        <Stack>
          <ScrollArea type="auto">
            {/* Not a list: a calendar (one row per person, one column per day), read across as well as down. */}
            <Table
              withTableBorder
              withColumnBorders
              style={{ minWidth: 160 + days * 110 }}
              aria-label="Planning par personne et par jour"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: 160 }}>Personne</Table.Th>
                  {dates.map((d) => (
                    <Table.Th key={d} style={{ width: 110 }}>
                      {shortDay(d)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr data-testid="open-row" style={{ background: 'var(--mantine-color-red-0)' }}>
                  <Table.Th scope="row">
                    <Badge color="red.9">À pourvoir</Badge>
                  </Table.Th>
                  {dates.map((d) => (
                    <Table.Td key={d} style={{ verticalAlign: 'top' }}>
                      {(openByDay.get(d) ?? []).map((s) => (
                        <ShiftChip key={s.id} shift={s} onOpen={() => setSelected(s)} />
                      ))}
                    </Table.Td>
                  ))}
                </Table.Tr>
                {grid.data.workers.map((w) => {
                  const week = grid.data.shifts.filter((s) => s.workerId === w.id).reduce((t, s) => t + s.minutes, 0);
                  return (
                    <Table.Tr key={w.id} data-worker-row={w.name}>
                      <Table.Th scope="row" style={{ fontWeight: 500 }}>
                        <Link to={`salaries/${w.id}`}>{w.name}</Link>
                        <Text size="xs" c="dimmed">
                          {formatMinutes(week)}
                          {days === 7 && w.maxMinutesPerWeek ? ` / ${formatMinutes(w.maxMinutesPerWeek)}` : ''}
                        </Text>
                      </Table.Th>
                      {dates.map((d) => (
                        <Table.Td
                          key={d}
                          style={{ verticalAlign: 'top' }}
                          onDragOver={(e) => e.preventDefault()}
                          onDrop={onDrop(d, w.id)}
                        >
                          {(cell.get(`${w.id}|${d}`) ?? []).map((s) => (
                            <Tooltip key={s.id} label={`${s.romeLabel} · ${s.siteName}`} openDelay={400}>
                              <div>
                                <ShiftChip shift={s} onOpen={() => setSelected(s)} draggable={can('shift.write')} />
                              </div>
                            </Tooltip>
                          ))}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {grid.data.total} personne{grid.data.total > 1 ? 's' : ''}
            </Text>
            {totalPages > 1 && (
              <Pagination
                total={totalPages}
                value={page}
                onChange={(p) => setF({ page: p === 1 ? null : String(p) })}
                aria-label="Pages"
                getControlProps={(control) => ({
                  'aria-label': {
                    first: 'Première page',
                    previous: 'Page précédente',
                    next: 'Page suivante',
                    last: 'Dernière page',
                  }[control],
                })}
              />
            )}
          </Group>
          <Paper withBorder p="xs">
            <Text size="xs" c="dimmed">
              Cliquez sur un créneau pour l’attribuer, le déplacer ou déclarer une absence ; vous pouvez aussi le faire
              glisser vers un autre jour ou une autre personne (les mêmes règles sont vérifiées).
            </Text>
          </Paper>
        </Stack>
      )}
      <ShiftPanel
        shift={selected}
        onClose={() => setSelected(null)}
        onDeclareAbsence={(s) => {
          setSelected(null);
          setAbsence({ workerId: s.workerId!, workerName: s.workerName ?? '', date: parisDay(s.start) });
        }}
      />
      <AbsenceDialog
        orgId={orgId}
        target={absence}
        onClose={() => setAbsence(null)}
        onDone={(ids) =>
          setNotice(
            `${ids.length} créneau${ids.length > 1 ? 'x' : ''} à pourvoir : choisissez un·e remplaçant·e dans la ligne « À pourvoir ».`,
          )
        }
      />
    </>
  );
}
