import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { directoryApi, type ImportPreview, type ImportRow } from '../../shared/directory';
import { call } from '../api';
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

/** Import from CSV or data·inclusion JSON: preview first, nothing written until a clean preview is confirmed. */
export function ImportStructuresPage() {
  const networkId = useNetworkId();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file discards the previous preview
  useEffect(() => {
    setPreview(null);
    setDone(null);
    setError(null);
  }, [file]);
  const body = async () => ({
    format: file!.name.toLowerCase().endsWith('.json') ? ('json' as const) : ('csv' as const),
    contentBase64: await toBase64(file!),
  });
  const run = async (step: 'preview' | 'confirm') => {
    setBusy(true);
    setError(null);
    try {
      const params = { networkId };
      if (step === 'preview') setPreview(await call(directoryApi.importPreview, { params, body: await body() }));
      else {
        const r = await call(directoryApi.importConfirm, { params, body: await body() });
        setDone(r);
        setPreview(null);
        await qc.invalidateQueries({ queryKey: ['network-structures'] });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
      <Group align="flex-end">
        <FileInput
          label="Fichier à importer"
          placeholder="Choisir un fichier .csv ou .json"
          accept=".csv,.json,text/csv,application/json"
          value={file}
          onChange={setFile}
          w={360}
        />
        <Button onClick={() => run('preview')} disabled={!file} loading={busy && !preview}>
          Prévisualiser
        </Button>
      </Group>
      <ErrorAlert error={error} />
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
              <Button onClick={() => run('confirm')} loading={busy}>
                Confirmer l’import
              </Button>
            </Group>
          ) : (
            <Alert color="red" role="alert" title="Rien ne sera importé tant que des lignes sont rejetées">
              Corrigez les lignes rejetées dans votre fichier, puis prévisualisez-le de nouveau.
            </Alert>
          )}
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ligne</Table.Th>
                  <Table.Th>Identifiant</Table.Th>
                  <Table.Th>Nom</Table.Th>
                  <Table.Th>Résultat</Table.Th>
                  <Table.Th>Motif</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...preview.rows]
                  .sort((a, b) => Number(b.action === 'reject') - Number(a.action === 'reject') || a.line - b.line)
                  .map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>{r.id ?? '—'}</Table.Td>
                      <Table.Td>{r.name ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={ACTION_LABELS[r.action][1]}>{ACTION_LABELS[r.action][0]}</Badge>
                      </Table.Td>
                      <Table.Td>{r.problems.join(' ')}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}
