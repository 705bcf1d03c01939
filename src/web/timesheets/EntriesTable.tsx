import { Button, Text } from '@mantine/core';
import { formatDate, formatDateTime, formatMinutes, formatTimeRange } from '../../shared/format';
import type { TimesheetDetail } from '../../shared/timesheets';
import { type DataColumn, DataTable } from '../blocks/DataTable';

export type Entry = TimesheetDetail['entries'][number];

const columns: DataColumn<Entry>[] = [
  {
    key: 'date',
    header: 'Date',
    sortBy: (e) => e.actualStart,
    csv: (e) => formatDate(e.actualStart),
    cell: (e) => formatDate(e.actualStart),
  },
  { key: 'salarie', header: 'Salarié·e', sortBy: (e) => e.workerName, cell: (e) => e.workerName },
  {
    key: 'prevu',
    header: 'Prévu',
    csv: (e) => formatTimeRange(e.plannedStart, e.plannedEnd),
    cell: (e) => formatTimeRange(e.plannedStart, e.plannedEnd),
  },
  {
    key: 'reel',
    header: 'Réel',
    csv: (e) => formatTimeRange(e.actualStart, e.actualEnd),
    cell: (e) => (
      <>
        {formatTimeRange(e.actualStart, e.actualEnd)}
        {e.corrections.map((c) => (
          <Text key={c.at} size="xs" c="dimmed">
            Corrigé le {formatDateTime(c.at)}
            {c.by ? ` par ${c.by}` : ''} : {c.reason} (avant {formatTimeRange(c.before.actualStart, c.before.actualEnd)}
            , pause {c.before.breakMinutes} min)
          </Text>
        ))}
      </>
    ),
  },
  {
    key: 'pause',
    header: 'Pause',
    align: 'right',
    csv: (e) => e.breakMinutes,
    cell: (e) => (e.breakMinutes ? `${e.breakMinutes} min` : '—'),
  },
  {
    key: 'heures',
    header: 'Heures',
    align: 'right',
    sortBy: (e) => e.minutes,
    csv: (e) => formatMinutes(e.minutes),
    cell: (e) => formatMinutes(e.minutes),
  },
];

/** A timesheet's entries (planned, actual, corrections); with `onCorrect`, a « Corriger » button on each. */
export function EntriesTable({ t, onCorrect }: { t: TimesheetDetail; onCorrect?: (e: Entry) => void }) {
  const action: DataColumn<Entry> = {
    key: 'action',
    header: 'Action',
    cell: (e) => (
      <Button
        size="xs"
        variant="subtle"
        onClick={() => onCorrect?.(e)}
        aria-label={`Corriger l’intervention du ${formatDate(e.actualStart)} de ${e.workerName}`}
      >
        Corriger
      </Button>
    ),
  };
  return (
    <DataTable
      rows={t.entries}
      columns={onCorrect ? [...columns, action] : columns}
      rowKey={(e) => e.id}
      caption={`Interventions du relevé de ${t.clientName}`}
      empty="Aucune intervention dans ce relevé."
      highlightOnHover={false}
    />
  );
}
