import { Card, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../shared/format';
import { type ImportRun, importsApi } from '../../shared/imports';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useOrgId } from '../shell/session';

const outcome = (i: ImportRun) =>
  i.status === 'running'
    ? 'En cours'
    : i.status === 'done'
      ? `${i.counts.create} créé(s), ${i.counts.skip} déjà présent(s)`
      : (i.failure ?? 'Échec');

const columns: DataColumn<ImportRun>[] = [
  {
    key: 'date',
    header: 'Date',
    sortBy: (i) => i.createdAt,
    csv: (i) => formatDateTime(i.createdAt),
    cell: (i) => formatDateTime(i.createdAt),
  },
  { key: 'fichier', header: 'Fichier', sortBy: (i) => i.fileName, cell: (i) => i.fileName },
  { key: 'resultat', header: 'Résultat', csv: outcome, cell: outcome },
];

/** The organisation's earlier imports, newest first: when, which file, what came of it. */
export function ImportHistory() {
  const orgId = useOrgId();
  const list = useQuery({
    queryKey: ['imports', orgId],
    queryFn: () => call(importsApi.list, { params: { orgId } }),
  });
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Imports précédents
      </Title>
      <DataTable
        rows={items}
        columns={columns}
        rowKey={(i) => i.id}
        caption="Imports précédents"
        empty="Aucun import."
        pageSize={20}
        urlPrefix="historique-"
        striped={false}
      />
    </Card>
  );
}
