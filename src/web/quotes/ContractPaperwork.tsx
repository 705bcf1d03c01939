import { Anchor, Button, Card, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../shared/format';
import { type ContractDetail, type ContractDocument, quotesApi } from '../../shared/quotes';
import { ApiError, call, urlOf } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert } from '../shell/ui';

const MAX_BYTES = 5 * 1024 * 1024;

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

/** The file's bytes as base64, read in the browser. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The order's engagement number (given by a public buyer, printed on the contract and its invoices). */
export function CommitmentNumberCard({ contract }: { contract: ContractDetail }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const current = contract.commitmentNumber ?? '';
  const form = useApiForm({
    initial: { commitmentNumber: current },
    submit: (v) =>
      call(quotesApi.commitmentNumber, {
        params: { orgId, placementContractId: contract.id },
        body: { commitmentNumber: v.commitmentNumber.trim() || null },
      }),
    onSuccess: () => {
      notifications.show({ message: 'Numéro d’engagement enregistré.', color: 'green' });
      qc.invalidateQueries({ queryKey: ['placement-contract', orgId] });
    },
  });
  if (!can('placement_contract.write'))
    return current ? (
      <Text mb="md">
        <b>Numéro d’engagement :</b> {current}
      </Text>
    ) : null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        Numéro d’engagement
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Le numéro que l’acheteur public (État, ASP, collectivité, établissement public) donne à cette commande. Il est
        repris sur le contrat, ses avenants et ses factures (Chorus Pro).
      </Text>
      <form onSubmit={form.onSubmit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Numéro d’engagement"
            placeholder="ex. 1300012345"
            {...form.field('commitmentNumber')}
            maxLength={50}
            w={{ base: '100%', sm: 280 }}
          />
          <Button type="submit" loading={form.busy} disabled={form.values.commitmentNumber.trim() === current}>
            Enregistrer
          </Button>
        </Group>
      </form>
      <ErrorAlert error={form.alertError} />
    </Card>
  );
}

/** The scanned signed copy of a contract signed on paper: attached by the AI, downloadable by whoever reads it. */
export function ContractDocumentsCard({ contract }: { contract: ContractDetail }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const params = { orgId, placementContractId: contract.id };
  const key = ['placement-contract-documents', orgId, contract.id];
  const documents = useQuery({ queryKey: key, queryFn: () => call(quotesApi.documents, { params }) });
  const upload = useApiForm({
    initial: { file: null as File | null },
    submit: async ({ file }) => {
      if (!file) throw new ApiError(400, 'validation_failed', 'Choisissez un fichier.');
      if (file.size > MAX_BYTES)
        throw new ApiError(400, 'validation_failed', `Le fichier pèse ${sizeLabel(file.size)} : 5 Mo au plus.`);
      return call(quotesApi.attachDocument, {
        params,
        body: { fileName: file.name, contentBase64: await base64Of(file) },
      });
    },
    onSuccess: (d) => {
      notifications.show({
        message: d.created ? 'Copie numérisée ajoutée.' : 'Ce fichier était déjà joint au contrat.',
        color: 'green',
      });
      qc.invalidateQueries({ queryKey: key });
    },
    resetOnSuccess: true,
  });
  const writable = can('placement_contract.write');
  const items = documents.data?.items ?? [];
  const documentColumns: DataColumn<ContractDocument>[] = [
    {
      key: 'fichier',
      header: 'Fichier',
      sortBy: (d) => d.fileName,
      cell: (d) => (
        <Anchor href={urlOf(quotesApi.document, { params: { ...params, documentId: d.id } })} underline="always">
          {d.fileName}
        </Anchor>
      ),
    },
    { key: 'taille', header: 'Taille', sortBy: (d) => d.sizeBytes, cell: (d) => sizeLabel(d.sizeBytes) },
    { key: 'ajout', header: 'Ajouté le', sortBy: (d) => d.createdAt, cell: (d) => formatDateTime(d.createdAt) },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            hideHeader: true,
            cell: (d: ContractDocument) => (
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                consequence={`Le fichier « ${d.fileName} » est retiré du contrat (le retrait est inscrit au journal).`}
                confirmLabel="Retirer le fichier"
                onConfirm={async () => {
                  await call(quotesApi.removeDocument, { params: { ...params, documentId: d.id } });
                  await qc.invalidateQueries({ queryKey: key });
                }}
              >
                Retirer
              </ConfirmButton>
            ),
          },
        ]
      : []),
  ];
  if (!writable && items.length === 0) return null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        Copie signée numérisée
      </Title>
      <ErrorAlert error={documents.error} />
      <DataTable
        rows={items}
        columns={documentColumns}
        rowKey={(d) => d.id}
        caption="Copies signées jointes au contrat"
        empty="Aucune copie jointe. Pour un contrat signé sur papier, joignez le scan ou la photo de l’exemplaire signé."
        mb="xs"
      />
      {writable && (
        // The server's messages about the file (too big, not a PDF or an image) stand in the alert, as for a file
        // checked here: the input has no field of its own in the request.
        <form onSubmit={upload.onSubmit} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={upload.error} title="Fichier non joint" />
            <Group align="flex-end" wrap="wrap">
              <FileInput
                label="Copie signée (PDF, JPEG ou PNG, 5 Mo au plus)"
                placeholder="Choisir un fichier"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                {...upload.field('file')}
                clearable
                clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
                w={{ base: '100%', sm: 360 }}
              />
              <Button type="submit" disabled={!upload.values.file} loading={upload.busy}>
                Joindre au contrat
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
