import { Anchor, Card, FileInput, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, IMPORT_PRESETS, importsApi } from '../../shared/imports';
import { urlOf } from '../api';
import type { ApiForm } from '../blocks/useApiForm';
import { useOrgId, useSensitiveAccess } from '../shell/session';
import type { ImportChoice } from './import-form';

/** Step 1: what is imported, its template, the file's format and the file; each choice checks the file again. */
export function SourceCard({
  form,
  choose,
}: {
  form: ApiForm<ImportChoice>;
  choose: (patch: Partial<ImportChoice>) => void;
}) {
  const orgId = useOrgId();
  const sensitive = useSensitiveAccess();
  const { kind, presetId, file } = form.values;
  const presets = IMPORT_PRESETS.filter((p) => p.kind === kind);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          1. Ce que vous importez
        </Title>
        <Radio.Group
          label="Ce que vous importez"
          value={kind}
          onChange={(v) => {
            const next = IMPORT_KINDS.find((k) => k === v);
            if (next) choose({ kind: next, presetId: null });
          }}
        >
          <Stack gap="xs" mt="xs">
            {IMPORT_KINDS.map((value) => (
              <Radio key={value} value={value} label={IMPORT_KIND_LABELS[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          Modèle à remplir :{' '}
          <Anchor
            underline="always"
            href={urlOf(importsApi.template, { params: { orgId, kind }, query: { format: 'xlsx' } })}
          >
            Excel (.xlsx)
          </Anchor>{' '}
          ou{' '}
          <Anchor
            underline="always"
            href={urlOf(importsApi.template, { params: { orgId, kind }, query: { format: 'csv' } })}
          >
            CSV
          </Anchor>
          .
        </Text>
        {kind === 'workers' && (
          <Text size="sm" c="dimmed">
            {sensitive
              ? 'Le diagnostic d’éligibilité (colonnes du modèle) est importé comme sur la fiche : la date et l’auteur ; les critères quand la structure l’établit elle-même.'
              : 'Le diagnostic d’éligibilité est une donnée sensible : seule une personne habilitée peut l’importer. Sans ce droit, laissez ces colonnes vides ou sans correspondance.'}
          </Text>
        )}
        <Select
          label="Format du fichier"
          description="Choisissez d’où vient le fichier ; sinon les colonnes sont reconnues par leur nom."
          placeholder="Reconnaître les colonnes automatiquement"
          clearable
          data={presets.map((x) => ({ value: x.id, label: x.label }))}
          value={presetId}
          onChange={(v) => choose({ presetId: v })}
        />
        <FileInput
          label="Fichier CSV ou Excel (.xlsx)"
          placeholder="Choisir un fichier"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => choose({ file: f })}
          error={form.errorAt('contentBase64') ?? form.errorAt('fileName')}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
        />
      </Stack>
    </Card>
  );
}
