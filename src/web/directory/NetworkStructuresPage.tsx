import { Anchor, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { directoryApi, ORGANISATION_KINDS, STRUCTURE_VISIBILITIES } from '../../shared/directory';
import { formatDate } from '../../shared/format';
import { call, urlOf } from '../api';
import { DataTable } from '../blocks/DataTable';
import { useCan, useNetworkId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { KIND_SHORT } from './api';
import { KIND_OPTIONS, useDepartements } from './Filters';
import { StatusBadge } from './StructureStatusBadge';

const PAGE_SIZE = 50;

/** Network console: every structure of the network, hidden and inactive ones included. */
export function NetworkStructuresPage() {
  const networkId = useNetworkId();
  const canWrite = useCan()('network.directory.write');
  const [values, set] = useUrlFilters(['q', 'kind', 'departement', 'status', 'page'] as const);
  const [text, setText] = useState(values.q);
  const page = Math.max(1, Number(values.page) || 1);
  const deps = useDepartements();
  const query = {
    q: values.q || undefined,
    kind: ORGANISATION_KINDS.find((k) => k === values.kind),
    departement: values.departement || undefined,
    status: STRUCTURE_VISIBILITIES.find((s) => s === values.status),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: [
      'network-structures',
      networkId,
      urlOf(directoryApi.networkStructures, { params: { networkId }, query }),
    ],
    queryFn: () => call(directoryApi.networkStructures, { params: { networkId }, query }),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <PageHeader
        title="Annuaire du réseau"
        subtitle="Les structures de votre réseau : ce que le public voit sur la carte et dans l’annuaire."
        actions={
          canWrite && (
            <>
              <Button component={Link} to="import" variant="default">
                Importer un fichier
              </Button>
              <Button component={Link} to="nouvelle">
                Ajouter une structure
              </Button>
            </>
          )
        }
      />
      <form
        aria-label="Filtres"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text, page: '' });
        }}
      >
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            label="Recherche"
            placeholder="Nom, commune ou SIRET"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => text !== values.q && set({ q: text, page: '' })}
          />
          <Select
            label="Type"
            placeholder="Tous"
            clearable
            data={KIND_OPTIONS}
            value={values.kind || null}
            onChange={(v) => set({ kind: v ?? '', page: '' })}
            w={240}
          />
          <Select
            label="Département"
            placeholder="Tous"
            clearable
            searchable
            data={(deps.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
            value={values.departement || null}
            onChange={(v) => set({ departement: v ?? '', page: '' })}
            w={220}
          />
          <Select
            label="Statut"
            placeholder="Tous"
            clearable
            data={[
              { value: 'public', label: 'Publiques' },
              { value: 'hidden', label: 'Masquées' },
              { value: 'inactive', label: 'Inactives' },
            ]}
            value={values.status || null}
            onChange={(v) => set({ status: v ?? '', page: '' })}
            w={160}
          />
          <Button type="submit" variant="default">
            Rechercher
          </Button>
        </Group>
      </form>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <DataTable
          caption={`${list.data?.total ?? 0} structure${(list.data?.total ?? 0) > 1 ? 's' : ''}`}
          showCaption
          empty="Aucune structure ne correspond."
          rows={list.data?.items ?? []}
          rowKey={(s) => s.id}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          csvName="structures-du-reseau"
          columns={[
            {
              key: 'structure',
              header: 'Structure',
              csv: (s) => s.name,
              cell: (s) => (
                <Anchor component={Link} to={s.id}>
                  {s.name}
                </Anchor>
              ),
            },
            { key: 'type', header: 'Type', csv: (s) => KIND_SHORT[s.kind], cell: (s) => KIND_SHORT[s.kind] },
            {
              key: 'commune',
              header: 'Commune',
              csv: (s) => `${s.address.communeName} (${s.departement})`,
              cell: (s) => `${s.address.communeName} (${s.departement})`,
            },
            { key: 'metiers', header: 'Métiers', csv: (s) => s.jobs.length, cell: (s) => s.jobs.length },
            { key: 'statut', header: 'Statut', cell: (s) => <StatusBadge s={s} /> },
            {
              key: 'direction',
              header: 'Direction',
              cell: (s) =>
                s.invitation ? (
                  s.invitation.accepted ? (
                    <Text size="sm">Compte activé</Text>
                  ) : (
                    <Text size="sm">Invitation envoyée le {formatDate(s.invitation.sentAt)}</Text>
                  )
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
