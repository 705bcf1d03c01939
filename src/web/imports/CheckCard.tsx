import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { countOf } from '../../shared/format';
import type { ImportPreview } from '../../shared/imports';
import type { ApiForm } from '../blocks/useApiForm';
import { ErrorAlert } from '../shell/ui';
import { Counts, RowsTable } from './ImportRows';

/** Step 3: every line checked; the import starts only from a file with no line to correct (all or nothing). */
export function CheckCard({ preview: p, start }: { preview: ImportPreview; start: ApiForm<Record<string, never>> }) {
  const ready = p.missingFields.length === 0 && p.counts.error === 0 && p.counts.create > 0;
  return (
    <Card withBorder component="form" onSubmit={start.onSubmit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          3. Vérification
        </Title>
        <Counts counts={p.counts} />
        {p.counts.error > 0 && (
          <Alert color="red" title="Lignes à corriger">
            Corrigez ces lignes dans votre fichier puis choisissez-le à nouveau : rien ne sera importé tant qu’une ligne
            est refusée.
          </Alert>
        )}
        <RowsTable rows={p.rows} />
        <Group>
          <Button type="submit" disabled={!ready} loading={start.busy}>
            Importer {countOf(p.counts.create, 'ligne')}
          </Button>
          {p.counts.skip > 0 && (
            <Text size="sm" c="dimmed">
              {countOf(p.counts.skip, 'ligne déjà présente ou ignorée', 'lignes déjà présentes ou ignorées')}.
            </Text>
          )}
        </Group>
        <ErrorAlert error={start.error} title="Import refusé" />
      </Stack>
    </Card>
  );
}
