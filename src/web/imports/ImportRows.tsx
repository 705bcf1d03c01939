import { Badge, Group, Text } from '@mantine/core';
import { IMPORT_ROW_ACTION_LABELS, type ImportPreview, type ImportRow } from '../../shared/imports';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { NO_CLIP } from '../needs/badge-styles';

const ACTION_COLORS: Record<ImportRow['action'], string> = { create: 'green', skip: 'gray', error: 'red' };

/** A count's whole words on a 360 px phone: the badge wraps instead of ending in an ellipsis. */
const WRAP = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** How many lines are created, already there (or ignored), or to correct. */
export function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  return (
    <Group gap="sm">
      <Badge color="green" variant="light" size="lg" styles={WRAP}>
        {counts.create} à créer
      </Badge>
      <Badge color="gray" variant="light" size="lg" styles={WRAP}>
        {counts.skip} déjà présente(s) ou ignorée(s)
      </Badge>
      <Badge color="red" variant="light" size="lg" styles={WRAP}>
        {counts.error} à corriger
      </Badge>
    </Group>
  );
}

const columns: DataColumn<ImportRow>[] = [
  { key: 'ligne', header: 'Ligne', sortBy: (r) => r.line, cell: (r) => r.line },
  { key: 'nom', header: 'Nom', sortBy: (r) => r.label, cell: (r) => r.label },
  {
    key: 'resultat',
    header: 'Résultat',
    sortBy: (r) => IMPORT_ROW_ACTION_LABELS[r.action],
    cell: (r) => (
      <Badge color={ACTION_COLORS[r.action]} variant="light" styles={NO_CLIP}>
        {IMPORT_ROW_ACTION_LABELS[r.action]}
      </Badge>
    ),
  },
  {
    key: 'detail',
    header: 'Détail',
    csv: (r) => r.messages.join(' '),
    // Each problem of the line on its own line, next to the line it belongs to.
    cell: (r) =>
      r.messages.map((m) => (
        <Text key={m} size="sm">
          {m}
        </Text>
      )),
  },
];

/**
 * The lines of a checked file or of a finished import, the lines to correct first; paged, so that a file of
 * thousands of lines stays quick to show, with a CSV of the lines and their problems to fix the file from.
 */
export function RowsTable({ rows }: { rows: ImportRow[] }) {
  const sorted = [...rows].sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error'));
  return (
    <DataTable
      rows={sorted}
      columns={columns}
      rowKey={(r) => String(r.line)}
      caption="Lignes du fichier"
      empty="Aucune ligne."
      searchText={(r) => `${r.line} ${r.label} ${r.messages.join(' ')}`}
      searchLabel="Rechercher une ligne"
      pageSize={50}
      csvName="lignes-import"
      urlPrefix="lignes-"
    />
  );
}
