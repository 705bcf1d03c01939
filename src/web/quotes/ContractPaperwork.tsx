import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { type ContractDetail, quotesApi } from '../../shared/quotes';
import { ApiError, call, urlOf } from '../api';
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
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (commitmentNumber: string | null) =>
      call(quotesApi.commitmentNumber, {
        params: { orgId, placementContractId: contract.id },
        body: { commitmentNumber },
      }),
    onSuccess: () => {
      setValue(null);
      notifications.show({ message: 'Numéro d’engagement enregistré.', color: 'green' });
      qc.invalidateQueries({ queryKey: ['placement-contract', orgId] });
    },
  });
  const current = contract.commitmentNumber ?? '';
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate((value ?? current).trim() || null);
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Numéro d’engagement"
            placeholder="ex. 1300012345"
            value={value ?? current}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={errors.commitmentNumber}
            maxLength={50}
            w={{ base: '100%', sm: 280 }}
          />
          <Button type="submit" loading={save.isPending} disabled={value === null || value.trim() === current}>
            Enregistrer
          </Button>
        </Group>
      </form>
      {save.error && !errors.commitmentNumber && <ErrorAlert error={save.error} />}
    </Card>
  );
}

/** The scanned signed copy of a contract signed on paper: attached by the AI, downloadable by whoever reads it. */
export function ContractDocumentsCard({ contract }: { contract: ContractDetail }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const params = { orgId, placementContractId: contract.id };
  const key = ['placement-contract-documents', orgId, contract.id];
  const documents = useQuery({ queryKey: key, queryFn: () => call(quotesApi.documents, { params }) });
  const upload = useMutation({
    mutationFn: async (f: File) => {
      if (f.size > MAX_BYTES)
        throw new ApiError(400, 'validation_failed', `Le fichier pèse ${sizeLabel(f.size)} : 5 Mo au plus.`);
      return call(quotesApi.attachDocument, {
        params,
        body: { fileName: f.name, contentBase64: await base64Of(f) },
      });
    },
    onSuccess: (d) => {
      setFile(null);
      notifications.show({
        message: d.created ? 'Copie numérisée ajoutée.' : 'Ce fichier était déjà joint au contrat.',
        color: 'green',
      });
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const writable = can('placement_contract.write');
  const items = documents.data?.items ?? [];
  if (!writable && items.length === 0) return null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        Copie signée numérisée
      </Title>
      <ErrorAlert error={documents.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          Aucune copie jointe. Pour un contrat signé sur papier, joignez le scan ou la photo de l’exemplaire signé.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420} mb="xs">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fichier</Table.Th>
                <Table.Th>Taille</Table.Th>
                <Table.Th>Ajouté le</Table.Th>
                {writable && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor
                      href={urlOf(quotesApi.document, { params: { ...params, documentId: d.id } })}
                      underline="always"
                    >
                      {d.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{sizeLabel(d.sizeBytes)}</Table.Td>
                  <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                  {writable && (
                    <Table.Td>
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
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {writable && (
        <Stack gap="xs">
          <ErrorAlert error={upload.error} title="Fichier non joint" />
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label="Copie signée (PDF, JPEG ou PNG, 5 Mo au plus)"
              placeholder="Choisir un fichier"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
              w={{ base: '100%', sm: 360 }}
            />
            <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
              Joindre au contrat
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
