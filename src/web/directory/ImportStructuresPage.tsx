import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { directoryApi, type ImportPreview, type ImportRow } from '../../shared/directory';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useNetworkId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';

const ACTION_LABELS: Record<ImportRow['action'], [string, string]> = {
  create: ['À créer', '#2b7a3d'],
  update: ['À mettre à jour', 'blue.9'],
  reject: ['Rejetée', 'red.9'],
};

async function toBase64(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const bodyOf = async (file: File) => ({
  format: file.name.toLowerCase().endsWith('.json') ? ('json' as const) : ('csv' as const),
  contentBase64: await toBase64(file),
});

const PREVIEW_COLUMNS: DataColumn<ImportRow>[] = [
  { key: 'ligne', header: 'Ligne', cell: (r) => r.line },
  { key: 'identifiant', header: 'Identifiant', cell: (r) => r.id ?? '—' },
  { key: 'nom', header: 'Nom', cell: (r) => r.name ?? '—' },
  {
    key: 'resultat',
    header: 'Résultat',
    cell: (r) => <Badge color={ACTION_LABELS[r.action][1]}>{ACTION_LABELS[r.action][0]}</Badge>,
  },
  { key: 'motif', header: 'Motif', cell: (r) => r.problems.join(' ') },
];

/** Import from CSV or data·inclusion JSON: preview first, nothing written until a clean preview is confirmed. */
export function ImportStructuresPage() {
  const networkId = useNetworkId();
  const qc = useQueryClient();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);
  const check = useApiForm({
    initial: { file: null as File | null },
    submit: async ({ file }) => call(directoryApi.importPreview, { params: { networkId }, body: await bodyOf(file!) }),
    onSuccess: setPreview,
  });
  const confirm = useApiForm({
    initial: {},
    submit: async () =>
      call(directoryApi.importConfirm, { params: { networkId }, body: await bodyOf(check.values.file!) }),
    onSuccess: async (r) => {
      setDone(r);
      setPreview(null);
      await qc.invalidateQueries({ queryKey: ['network-structures'] });
    },
  });
  const file = check.values.file;
  // A new file discards the previous preview, result and error.
  const choose = (next: File | null) => {
    check.reset();
    confirm.reset();
    check.set('file', next);
    setPreview(null);
    setDone(null);
  };
  return (
    <>
      <PageHeader
        title="Importer des structures"
        subtitle="Un fichier CSV (séparateur « ; » ou « , », encodé en UTF-8) ou JSON au schéma data·inclusion."
      />
      <Text size="sm" mb="sm">
        Colonnes reconnues (noms du schéma data·inclusion) : <code>id</code>, <code>nom</code>, <code>siret</code>,{' '}
        <code>adresse</code>, <code>code_postal</code>, <code>code_insee</code>, <code>commune</code>,{' '}
        <code>latitude</code>, <code>longitude</code>, <code>telephone</code>, <code>courriel</code>,{' '}
        <code>site_web</code>, <code>description</code>, <code>horaires_accueil</code>, <code>reseaux_porteurs</code>,
        et en plus <code>type</code> (AI, ACI, EI…), <code>metiers</code> (codes ROME séparés par « | ») et{' '}
        <code>departements</code>. Une structure déjà connue (même <code>id</code> ou même SIRET) est mise à jour.
      </Text>
      <form onSubmit={check.onSubmit} noValidate>
        <Group align="flex-end">
          <FileInput
            label="Fichier à importer"
            placeholder="Choisir un fichier .csv ou .json"
            accept=".csv,.json,text/csv,application/json"
            value={file}
            onChange={choose}
            w={360}
            maw="100%"
          />
          <Button type="submit" disabled={!file} loading={check.busy}>
            Prévisualiser
          </Button>
        </Group>
      </form>
      {/* The file is sent as a whole: the server's messages are about the file, not about a field of this form. */}
      <ErrorAlert error={check.error ?? confirm.error} />
      {done && (
        <Alert mt="md" title="Import terminé" role="status">
          {done.created} structure(s) créée(s), {done.updated} mise(s) à jour.{' '}
          <Anchor component={Link} to="..">
            Voir l’annuaire du réseau
          </Anchor>
        </Alert>
      )}
      {preview && (
        <Stack mt="md">
          <Group>
            <Badge color="#2b7a3d" size="lg">
              {preview.counts.create} à créer
            </Badge>
            <Badge color="blue.9" size="lg">
              {preview.counts.update} à mettre à jour
            </Badge>
            <Badge color="red.9" size="lg">
              {preview.counts.reject} rejetée(s)
            </Badge>
          </Group>
          {preview.clean ? (
            <Group>
              <Text>Le fichier est correct. Rien n’est encore enregistré.</Text>
              <Button onClick={() => confirm.onSubmit()} loading={confirm.busy}>
                Confirmer l’import
              </Button>
            </Group>
          ) : (
            <Alert color="red" role="alert" title="Rien ne sera importé tant que des lignes sont rejetées">
              Corrigez les lignes rejetées dans votre fichier, puis prévisualisez-le de nouveau.
            </Alert>
          )}
          {/* In the file's order, the rejected lines first: they are what is to be fixed. */}
          <DataTable
            caption="Lignes du fichier"
            empty="Le fichier ne contient aucune ligne."
            rows={[...preview.rows].sort(
              (a, b) => Number(b.action === 'reject') - Number(a.action === 'reject') || a.line - b.line,
            )}
            rowKey={(r) => String(r.line)}
            columns={PREVIEW_COLUMNS}
          />
        </Stack>
      )}
    </>
  );
}
