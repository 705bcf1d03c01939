import { Button, Grid, TextInput } from '@mantine/core';
import type { ClientDetail } from '../../shared/clients';
import { clientsApi } from '../../shared/clients';
import { call } from '../api';
import type { DataColumn } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ClientListPanel } from './ClientListPanel';

/** A row of the list: the client's main contact (no id, never removed here) or one of the others. */
type ContactRow = {
  id: string | null;
  name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
};

export function ContactsPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const form = useApiForm({
    initial: { name: '', role: '', email: '', phone: '' },
    submit: (v) =>
      call(clientsApi.createContact, {
        params: { orgId, clientId: client.id },
        body: { name: v.name, role: v.role || null, email: v.email || null, phone: v.phone || null },
      }),
    resetOnSuccess: true,
    onSuccess: onChange,
  });
  const rows: ContactRow[] = [{ ...client.contact, id: null, role: 'Contact principal' }, ...client.contacts];
  const columns: DataColumn<ContactRow>[] = [
    { key: 'nom', header: 'Nom', sortBy: (c) => c.name, cell: (c) => c.name },
    { key: 'fonction', header: 'Fonction', sortBy: (c) => c.role, cell: (c) => c.role },
    { key: 'email', header: 'E-mail', cell: (c) => c.email },
    { key: 'telephone', header: 'Téléphone', cell: (c) => c.phone },
    {
      key: 'action',
      header: 'Action',
      cell: ({ id }) =>
        id &&
        can('client.write') && (
          <Button
            size="xs"
            variant="subtle"
            onClick={async () => {
              await call(clientsApi.deleteContact, { params: { orgId, clientId: client.id, contactId: id } });
              onChange();
            }}
          >
            Retirer
          </Button>
        ),
    },
  ];
  return (
    <ClientListPanel
      list={{
        rows,
        columns,
        rowKey: (c) => c.id ?? 'principal',
        caption: 'Contacts du client',
        empty: 'Aucun contact.',
        urlPrefix: 'contacts-',
      }}
      form={can('client.write') ? form : null}
      submitLabel="Ajouter"
    >
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput label="Nom" required {...form.field('name')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 2 }}>
        <TextInput label="Fonction" {...form.field('role')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput label="E-mail" {...form.field('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 2 }}>
        <TextInput label="Téléphone" {...form.field('phone')} />
      </Grid.Col>
    </ClientListPanel>
  );
}
