import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { IMPORT_PRESETS, type ImportPreview, importsApi } from '../../shared/imports';
import { call, urlOf } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { CheckCard } from './CheckCard';
import { ImportHistory } from './ImportHistory';
import { type ImportChoice, importBody, NO_CHOICE } from './import-form';
import { MappingCard } from './MappingCard';
import { RunCard } from './RunCard';
import { SourceCard } from './SourceCard';

/** "Importer des données": template or preset, file, columns, a checked preview, then all or nothing. */
export function ImportPage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  // Only the answer to the latest check counts: a file chosen again while one is checked replaces it.
  const latest = useRef(0);

  const check = useApiForm({
    initial: NO_CHOICE,
    submit: async (v) => {
      const ticket = ++latest.current;
      return { ticket, preview: await call(importsApi.preview, { params: { orgId }, body: await importBody(v) }) };
    },
    onSuccess: (r) => {
      if (r.ticket !== latest.current) return;
      setPreview(r.preview);
      check.set('mapping', r.preview.mapping);
    },
  });
  const start = useApiForm<Record<string, never>, { id: string }>({
    initial: {},
    submit: async () => call(importsApi.start, { params: { orgId }, body: await importBody(check.values) }),
    onSuccess: (r) => setRunId(r.id),
  });

  /** A new kind, format or file checks the file again from the guessed (or the format's) columns. */
  const choose = (patch: Partial<ImportChoice>) => {
    const next = { ...check.values, ...patch };
    const preset = IMPORT_PRESETS.find((p) => p.id === next.presetId && p.kind === next.kind);
    setRunId(null);
    setPreview(null);
    start.reset();
    if (next.file) void check.submitValues({ ...next, mapping: preset?.mapping });
    else {
      latest.current++;
      check.reset();
      check.setValues({ ...next, mapping: undefined });
    }
  };

  return (
    <>
      <PageHeader
        title="Importer des données"
        subtitle="Vos salarié·es, clients, contrats, missions et les heures du mois depuis un tableur ou les emplois de l’inclusion : rien n’est écrit avant votre confirmation, puis tout ou rien."
      />
      <Stack gap="lg">
        <SourceCard form={check} choose={choose} />

        <ErrorAlert error={check.alertError} title="Fichier illisible" />
        {check.busy && (
          <Text role="status" c="dimmed">
            Vérification de chaque ligne…
          </Text>
        )}

        {preview && check.values.file && !runId && (
          <>
            <MappingCard form={check} preview={preview} />
            {preview.missingFields.length === 0 && !check.busy && !check.error && (
              <CheckCard preview={preview} start={start} />
            )}
          </>
        )}

        {runId && (
          <RunCard
            runId={runId}
            onDone={() => {
              qc.invalidateQueries({ queryKey: ['imports', orgId] });
              qc.invalidateQueries({ queryKey: ['workers'] });
              qc.invalidateQueries({ queryKey: ['clients'] });
            }}
          />
        )}

        <ImportHistory />
        {can('data.export') && (
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                Récupérer toutes vos données
              </Title>
              <Text size="sm">
                Un fichier zip avec un tableau CSV par sorte de données (salarié·es, clients, créneaux, factures…) et un
                fichier qui décrit chaque colonne. Vos données restent les vôtres.
              </Text>
              <Group>
                <Button component="a" variant="light" href={urlOf(importsApi.exportAll, { params: { orgId } })}>
                  Tout télécharger (.zip)
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  );
}
