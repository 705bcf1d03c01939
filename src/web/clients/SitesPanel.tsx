import { Button, Grid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { addressText, type ClientDetail, clientsApi } from '../../shared/clients';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { CommuneSelect } from '../directory/Filters';
import { StackTable } from '../shell/StackTable';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert } from '../shell/ui';

export function SitesPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const form = useApiForm({
    initial: { name: '', line: '', postalCode: '', communeCode: '', accessNotes: '' },
    submit: (v) =>
      call(clientsApi.createSite, {
        params: { orgId, clientId: client.id },
        body: {
          name: v.name,
          address: { line: v.line || undefined, postalCode: v.postalCode || undefined, communeCode: v.communeCode },
          accessNotes: v.accessNotes || null,
        },
      }),
    resetOnSuccess: true,
    onSuccess: onChange,
  });
  return (
    <Stack>
      <StackTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lieu</Table.Th>
            <Table.Th>Adresse</Table.Th>
            <Table.Th>Accès</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {client.sites.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{addressText(s.address)}</Table.Td>
              <Table.Td>{s.accessNotes}</Table.Td>
              <Table.Td>
                {can('client.write') && (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    consequence={`Le lieu « ${s.name} » sera supprimé.`}
                    confirmLabel="Supprimer"
                    onConfirm={async () => {
                      await call(clientsApi.deleteSite, { params: { orgId, clientId: client.id, siteId: s.id } });
                      onChange();
                    }}
                  >
                    Supprimer
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
      {can('client.write') && (
        <form onSubmit={form.onSubmit} noValidate>
          <Title order={2} size="h4" mb="xs">
            Ajouter un lieu
          </Title>
          <ErrorAlert error={form.alertError} />
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput label="Nom du lieu" required {...form.field('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput label="Adresse du lieu" {...form.field('line')} error={form.errorAt('address.line')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <TextInput
                label="Code postal du lieu"
                {...form.field('postalCode')}
                error={form.errorAt('address.postalCode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <CommuneSelect
                label="Commune du lieu"
                required
                value={form.values.communeCode}
                onChange={(x) => form.set('communeCode', x)}
                error={form.errorAt('address.communeCode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Textarea label="Consignes d’accès" autosize minRows={1} {...form.field('accessNotes')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Button type="submit" loading={form.busy}>
                Ajouter le lieu
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}
