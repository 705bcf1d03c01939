import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../shared/format';
import {
  IMPORT_FIELDS,
  IMPORT_KIND_LABELS,
  IMPORT_PRESETS,
  IMPORT_ROW_ACTION_LABELS,
  type ImportKind,
  type ImportPreview,
  type ImportRow,
  importsApi,
} from '../../shared/imports';
import { call, urlOf } from '../api';
import { useCan, useOrgId, useSensitiveAccess } from '../shell/session';
import { Empty, ErrorAlert, PageHeader } from '../shell/ui';

const ACTION_COLORS: Record<ImportRow['action'], string> = { create: 'green', skip: 'gray', error: 'red' };
const NO_COLUMN = '';

/** The file's bytes as base64, read in the browser (the server never sees a partial upload). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Importer des données": template or preset, file, columns, a checked preview, then all or nothing. */
export function ImportPage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('workers');
  const [presetId, setPresetId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | undefined>(undefined);
  const [runId, setRunId] = useState<string | null>(null);

  const body = async (m = mapping) => ({
    kind,
    fileName: file!.name,
    contentBase64: await base64Of(file!),
    ...(m ? { mapping: m } : {}),
  });
  const preview = useMutation({
    mutationFn: async (m?: Record<string, string>) =>
      call(importsApi.preview, { params: { orgId }, body: await body(m) }),
    onSuccess: (p) => setMapping(p.mapping),
  });
  const start = useMutation({
    mutationFn: async () => call(importsApi.start, { params: { orgId }, body: await body() }),
    onSuccess: (r) => setRunId(r.id),
  });

  // A new file, kind or preset starts the check again from the guessed (or preset) columns.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the check runs on these choices only
  useEffect(() => {
    setRunId(null);
    if (!file) return;
    const preset = IMPORT_PRESETS.find((p) => p.id === presetId && p.kind === kind);
    preview.mutate(preset?.mapping);
  }, [file, kind, presetId]);

  const sensitive = useSensitiveAccess();
  const presets = IMPORT_PRESETS.filter((p) => p.kind === kind);
  const p = preview.data;
  const ready = p && p.missingFields.length === 0 && p.counts.error === 0 && p.counts.create > 0;
  return (
    <>
      <PageHeader
        title="Importer des données"
        subtitle="Vos salarié·es, clients, contrats, missions et les heures du mois depuis un tableur ou les emplois de l’inclusion : rien n’est écrit avant votre confirmation, puis tout ou rien."
      />
      <Stack gap="lg">
        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              1. Ce que vous importez
            </Title>
            <Radio.Group
              label="Ce que vous importez"
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                setPresetId(null);
                setMapping(undefined);
              }}
            >
              <Stack gap="xs" mt="xs">
                {Object.entries(IMPORT_KIND_LABELS).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
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
              onChange={(v) => {
                setPresetId(v);
                setMapping(undefined);
              }}
            />
            <FileInput
              label="Fichier CSV ou Excel (.xlsx)"
              placeholder="Choisir un fichier"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setMapping(undefined);
              }}
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
            />
          </Stack>
        </Card>

        <ErrorAlert error={preview.error} title="Fichier illisible" />
        {preview.isPending && (
          <Text role="status" c="dimmed">
            Vérification de chaque ligne…
          </Text>
        )}

        {p && file && !runId && (
          <>
            <MappingCard
              kind={kind}
              preview={p}
              onChange={(m) => setMapping(m)}
              onCheck={() => preview.mutate(mapping)}
              checking={preview.isPending}
            />
            {p.missingFields.length === 0 && (
              <Card withBorder>
                <Stack>
                  <Title order={2} size="h4">
                    3. Vérification
                  </Title>
                  <Counts counts={p.counts} />
                  {p.counts.error > 0 && (
                    <Alert color="red" title="Lignes à corriger">
                      Corrigez ces lignes dans votre fichier puis choisissez-le à nouveau : rien ne sera importé tant
                      qu’une ligne est refusée.
                    </Alert>
                  )}
                  <RowsTable
                    rows={[...p.rows].sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error'))}
                  />
                  <Group>
                    <Button disabled={!ready} loading={start.isPending} onClick={() => start.mutate()}>
                      Importer {p.counts.create} ligne{p.counts.create > 1 ? 's' : ''}
                    </Button>
                    {p.counts.skip > 0 && (
                      <Text size="sm" c="dimmed">
                        {p.counts.skip} ligne{p.counts.skip > 1 ? 's' : ''} déjà présente{p.counts.skip > 1 ? 's' : ''}{' '}
                        ou ignorée{p.counts.skip > 1 ? 's' : ''}.
                      </Text>
                    )}
                  </Group>
                  <ErrorAlert error={start.error} title="Import refusé" />
                </Stack>
              </Card>
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

        <History />
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

function MappingCard({
  kind,
  preview,
  onChange,
  onCheck,
  checking,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  onChange: (mapping: Record<string, string>) => void;
  onCheck: () => void;
  checking: boolean;
}) {
  const [local, setLocal] = useState(preview.mapping);
  useEffect(() => setLocal(preview.mapping), [preview.mapping]);
  const options = [
    { value: NO_COLUMN, label: '— aucune colonne —' },
    ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h })),
  ];
  const changed = JSON.stringify(local) !== JSON.stringify(preview.mapping);
  return (
    <Card withBorder>
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
          {IMPORT_FIELDS[kind].map((f) => (
            <Select
              key={f.key}
              label={`${f.label}${f.required ? ' (obligatoire)' : ''}`}
              description={f.hint}
              data={options}
              value={local[f.key] ?? NO_COLUMN}
              allowDeselect={false}
              onChange={(v) => {
                const next = { ...local };
                if (v) next[f.key] = v;
                else delete next[f.key];
                setLocal(next);
                onChange(next);
              }}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button
            variant={changed || preview.missingFields.length ? 'filled' : 'light'}
            loading={checking}
            onClick={onCheck}
          >
            Vérifier avec ces colonnes
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  return (
    <Group gap="sm">
      <Badge color="green" variant="light" size="lg">
        {counts.create} à créer
      </Badge>
      <Badge color="gray" variant="light" size="lg">
        {counts.skip} déjà présente(s) ou ignorée(s)
      </Badge>
      <Badge color="red" variant="light" size="lg">
        {counts.error} à corriger
      </Badge>
    </Group>
  );
}

const SHOWN_ROWS = 200;

function RowsTable({ rows }: { rows: ImportRow[] }) {
  if (!rows.length) return <Empty>Aucune ligne.</Empty>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ligne</Table.Th>
            <Table.Th scope="col">Nom</Table.Th>
            <Table.Th scope="col">Résultat</Table.Th>
            <Table.Th scope="col">Détail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, SHOWN_ROWS).map((r) => (
            <Table.Tr key={r.line}>
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>
                <Badge color={ACTION_COLORS[r.action]} variant="light">
                  {IMPORT_ROW_ACTION_LABELS[r.action]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.messages.map((m) => (
                  <Text key={m} size="sm">
                    {m}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > SHOWN_ROWS && (
        <Text size="sm" c="dimmed" mt="xs">
          {SHOWN_ROWS} premières lignes sur {rows.length} (les lignes à corriger d’abord).
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

function RunCard({ runId, onDone }: { runId: string; onDone: () => void }) {
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

function History() {
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
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Fichier</Table.Th>
              <Table.Th scope="col">Résultat</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{formatDateTime(i.createdAt)}</Table.Td>
                <Table.Td>{i.fileName}</Table.Td>
                <Table.Td>
                  {i.status === 'running'
                    ? 'En cours'
                    : i.status === 'done'
                      ? `${i.counts.create} créé(s), ${i.counts.skip} déjà présent(s)`
                      : (i.failure ?? 'Échec')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
