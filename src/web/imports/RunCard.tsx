import { Alert, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { importsApi } from '../../shared/imports';
import { call } from '../api';
import { useOrgId } from '../shell/session';
import { Counts, RowsTable } from './ImportRows';

/** The import under way, read again every half second until it ends; then what was written, or why nothing was. */
export function RunCard({ runId, onDone }: { runId: string; onDone: () => void }) {
  const orgId = useOrgId();
  const run = useQuery({
    queryKey: ['imports', orgId, runId],
    queryFn: () => call(importsApi.get, { params: { orgId, importId: runId } }),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const r = run.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the import ends
  useEffect(() => {
    if (r && r.status !== 'running') onDone();
  }, [r?.status]);
  if (!r) return null;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {r.status === 'running'
            ? 'Import en cours…'
            : r.status === 'done'
              ? 'Import terminé'
              : 'Rien n’a été importé'}
        </Title>
        {r.status === 'running' && (
          <>
            <Progress value={r.total ? (100 * r.done) / r.total : 0} aria-label="Avancement de l’import" animated />
            <Text size="sm" role="status">
              {r.done} ligne{r.done > 1 ? 's' : ''} sur {r.total}
            </Text>
          </>
        )}
        {r.status !== 'running' && (
          <>
            {r.failure && (
              <Alert color="red" role="alert">
                {r.failure}
              </Alert>
            )}
            <Counts counts={r.counts} />
            <RowsTable rows={r.rows} />
          </>
        )}
      </Stack>
    </Card>
  );
}
