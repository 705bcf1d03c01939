import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { IMPORT_FIELDS, type ImportPreview } from '../../shared/imports';
import type { ApiForm } from '../blocks/useApiForm';
import type { ImportChoice } from './import-form';

const NO_COLUMN = '';

/** Step 2: which column of the file holds each field; the server's guess, to correct and check again. */
export function MappingCard({ form, preview }: { form: ApiForm<ImportChoice>; preview: ImportPreview }) {
  const mapping = form.values.mapping ?? preview.mapping;
  const options = [
    { value: NO_COLUMN, label: '— aucune colonne —' },
    ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h })),
  ];
  const changed = JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          2. Colonnes de votre fichier
        </Title>
        {preview.missingFields.length > 0 && (
          <Alert color="orange" title="Colonnes obligatoires à associer">
            Indiquez quelle colonne de votre fichier contient : {preview.missingFields.join(', ')}.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {IMPORT_FIELDS[preview.kind].map((f) => (
            <Select
              key={f.key}
              label={`${f.label}${f.required ? ' (obligatoire)' : ''}`}
              description={f.hint}
              data={options}
              value={mapping[f.key] ?? NO_COLUMN}
              allowDeselect={false}
              error={form.errorAt(`mapping.${f.key}`)}
              onChange={(v) => {
                const next = { ...mapping };
                if (v) next[f.key] = v;
                else delete next[f.key];
                form.set('mapping', next);
              }}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button
            type="submit"
            variant={changed || preview.missingFields.length ? 'filled' : 'light'}
            loading={form.busy}
          >
            Vérifier avec ces colonnes
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
