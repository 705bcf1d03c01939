import { Grid, Textarea, TextInput } from '@mantine/core';
import { addressText, type ClientDetail, clientsApi } from '../../shared/clients';
import { call } from '../api';
import type { DataColumn } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { CommuneSelect } from '../directory/Filters';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton } from '../shell/ui';
import { ClientListPanel } from './ClientListPanel';

type Site = ClientDetail['sites'][number];

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
  const columns: DataColumn<Site>[] = [
    { key: 'lieu', header: 'Lieu', sortBy: (s) => s.name, cell: (s) => s.name },
    { key: 'adresse', header: 'Adresse', sortBy: (s) => addressText(s.address), cell: (s) => addressText(s.address) },
    { key: 'acces', header: 'Accès', cell: (s) => s.accessNotes },
    {
      key: 'action',
      header: 'Action',
      cell: (s) =>
        can('client.write') && (
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
        ),
    },
  ];
  return (
    <ClientListPanel
      list={{
        rows: client.sites,
        columns,
        rowKey: (s) => s.id,
        caption: 'Lieux d’intervention',
        empty: 'Aucun lieu d’intervention.',
        urlPrefix: 'lieux-',
      }}
      form={can('client.write') ? form : null}
      title="Ajouter un lieu"
      submitLabel="Ajouter le lieu"
    >
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
          postalCode={form.values.postalCode}
          onPostalCode={(code) => form.set('postalCode', code)}
          error={form.errorAt('address.communeCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Textarea label="Consignes d’accès" autosize minRows={1} {...form.field('accessNotes')} />
      </Grid.Col>
    </ClientListPanel>
  );
}
