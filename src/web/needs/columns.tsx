import { Badge, Text } from '@mantine/core';
import { type NeedUrgency, URGENCY_LABELS } from '../../shared/needs';
import type { DataColumn } from '../blocks/DataTable';
import { NO_CLIP } from './badge-styles';

type Jobs = { jobs: { headcount: number; label: string }[] };

/** "2 × Agent de service hospitalier, 1 × Aide-soignant": a need's jobs on one line. */
export const jobsText = (jobs: Jobs['jobs']) => jobs.map((j) => `${j.headcount} × ${j.label}`).join(', ');

/** The jobs of a need, the same in the AI's inbox, the network console and the client's portal. */
export const jobsColumn = <T extends Jobs>(): DataColumn<T> => ({
  key: 'metiers',
  header: 'Métiers',
  csv: (n) => jobsText(n.jobs),
  cell: (n) => <Text size="sm">{jobsText(n.jobs)}</Text>,
});

/** Urgent or lasting, as a badge (red when urgent) that keeps its whole label in a tight table. */
export const urgencyColumn = <T extends { urgency: NeedUrgency }>(): DataColumn<T> => ({
  key: 'urgence',
  header: 'Urgence',
  sortBy: (n) => URGENCY_LABELS[n.urgency],
  cell: (n) => (
    <Badge color={n.urgency === 'urgent' ? 'red' : 'gray'} variant="light" tt="none" styles={NO_CLIP}>
      {URGENCY_LABELS[n.urgency]}
    </Badge>
  ),
});
