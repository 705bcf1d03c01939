import { Button, Grid, Stack, Table, TextInput } from '@mantine/core';
import type { ClientDetail } from '../../shared/clients';
import { clientsApi } from '../../shared/clients';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { StackTable } from '../shell/StackTable';
import { useCan, useOrgId } from '../shell/session';

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
  return (
    <Stack>
      <StackTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Fonction</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th>Téléphone</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{client.contact.name}</Table.Td>
            <Table.Td>Contact principal</Table.Td>
            <Table.Td>{client.contact.email}</Table.Td>
            <Table.Td>{client.contact.phone}</Table.Td>
            <Table.Td />
          </Table.Tr>
          {client.contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.role}</Table.Td>
              <Table.Td>{c.email}</Table.Td>
              <Table.Td>{c.phone}</Table.Td>
              <Table.Td>
                {can('client.write') && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={async () => {
                      await call(clientsApi.deleteContact, { params: { orgId, clientId: client.id, contactId: c.id } });
                      onChange();
                    }}
                  >
                    Retirer
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
      {can('client.write') && (
        <form onSubmit={form.onSubmit} noValidate>
          <Grid align="flex-end">
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
            <Grid.Col span={{ base: 12, md: 2 }}>
              <Button type="submit" loading={form.busy}>
                Ajouter
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}
