import { Anchor, Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CLIENT_KIND_LABELS, CLIENT_KIND_OPTIONS, type ClientKind, clientsApi } from '../../shared/clients';
import { call } from '../api';
import { DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { ClientFlags } from './ClientFlags';

export const PAGE = 50;

/** Clients: search by any part of the name, filter by kind, both kept in the URL. */
export function ClientsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['q', 'kind', 'forme', 'page'] as const);
  const page = Number(f.page || 1);
  const list = useQuery({
    queryKey: ['clients', orgId, f.q, f.kind, f.forme, page],
    queryFn: () =>
      call(clientsApi.list, {
        params: { orgId },
        query: {
          q: f.q,
          kind: (f.kind || undefined) as ClientKind | undefined,
          legalForm: f.forme === 'inconnue' ? 'unknown' : undefined,
          limit: PAGE,
          offset: (page - 1) * PAGE,
        },
      }),
  });
  return (
    <>
      <PageHeader
        title="Clients"
        subtitle="Particuliers, établissements, entreprises et collectivités servis par l’association"
        actions={
          can('client.write') && (
            <Button component={Link} to="nouveau">
              Nouveau client
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Rechercher"
          placeholder="Une partie du nom"
          value={f.q}
          onChange={(e) => setF({ q: e.currentTarget.value, page: null })}
          w={280}
        />
        <Select
          label="Type"
          placeholder="Tous"
          clearable
          data={CLIENT_KIND_OPTIONS}
          value={f.kind || null}
          onChange={(x) => setF({ kind: x, page: null })}
          w={220}
        />
        <Checkbox
          label="Forme juridique à compléter"
          checked={f.forme === 'inconnue'}
          onChange={(e) => setF({ forme: e.currentTarget.checked ? 'inconnue' : null, page: null })}
          mb={8}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <DataTable
          caption="Clients"
          empty="Aucun client ne correspond."
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          pageSize={PAGE}
          total={list.data?.total ?? 0}
          csvName="clients"
          columns={[
            {
              key: 'nom',
              header: 'Nom',
              csv: (c) => c.name,
              cell: (c) => (
                <Anchor component={Link} to={c.id}>
                  {c.name}
                </Anchor>
              ),
            },
            {
              key: 'type',
              header: 'Type',
              csv: (c) => CLIENT_KIND_LABELS[c.kind],
              cell: (c) => CLIENT_KIND_LABELS[c.kind],
            },
            {
              key: 'commune',
              header: 'Commune',
              csv: (c) => c.address.communeName,
              cell: (c) => c.address.communeName,
            },
            { key: 'contact', header: 'Contact', csv: (c) => c.contact.name, cell: (c) => c.contact.name },
            { key: 'alertes', header: 'Alertes', cell: (c) => <ClientFlags client={c} /> },
          ]}
        />
      )}
    </>
  );
}
