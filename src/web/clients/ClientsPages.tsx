import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatCents, formatDate } from '../../shared/format';
import { RecordAccessCard } from '../accounts/RecordAccessCard';
import { ApiError, api, qs } from '../api';
import { ClientIndividualPanel } from '../billing/IndividualPanels';
import { DataTable } from '../blocks/DataTable';
import { CommuneSelect } from '../directory/Filters';
import { Notice } from '../quotes/Notice';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { ClientForm } from './ClientForm';
import { addressText, CLIENT_KIND_LABELS, CLIENT_KIND_OPTIONS, type Client, type ClientDetail } from './labels';

const PAGE = 50;

/** Clients: search by any part of the name, filter by kind, both kept in the URL. */
export function ClientsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['q', 'kind', 'forme', 'page'] as const);
  const page = Number(f.page || 1);
  const list = useQuery({
    queryKey: ['clients', orgId, f.q, f.kind, f.forme, page],
    queryFn: () =>
      api<{ items: Client[]; total: number }>(
        `/api/orgs/${orgId}/clients${qs({
          q: f.q,
          kind: f.kind,
          legalForm: f.forme === 'inconnue' ? 'unknown' : undefined,
          limit: PAGE,
          offset: (page - 1) * PAGE,
        })}`,
      ),
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

function ClientFlags({ client }: { client: Client }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Group gap={4}>
      {client.economicDismissalUntil && client.economicDismissalUntil > today && (
        <Badge color="red.9" variant="outline">
          Licenciement éco. jusqu’au {formatDate(client.economicDismissalUntil)}
        </Badge>
      )}
      {client.countsForHoursCap && (
        <Badge color="grape.9" variant="outline">
          Plafond 480 h
        </Badge>
      )}
      {client.legalForm === null && (
        <Badge color="orange" variant="outline">
          Forme juridique à compléter
        </Badge>
      )}
    </Group>
  );
}

export function NewClientPage() {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader title="Nouveau client" />
      <ClientForm
        submitLabel="Créer le client"
        onSubmit={async (body) => {
          const c = await api<Client>(`/api/orgs/${orgId}/clients`, { body });
          qc.invalidateQueries({ queryKey: ['clients', orgId] });
          notifications.show({ message: `Client « ${c.name} » créé.`, color: 'green' });
          navigate(`../${c.id}`, { relative: 'path' });
        }}
      />
    </>
  );
}

/** A client's page: identity, legal flags, sites, contacts, "do not send" list, quotes and contracts. */
export function ClientPage() {
  const orgId = useOrgId();
  const { clientId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['client', orgId, clientId];
  const client = useQuery({
    queryKey: key,
    queryFn: () => api<ClientDetail>(`/api/orgs/${orgId}/clients/${clientId}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  if (client.isPending) return <Loading />;
  if (!client.data) return <ErrorAlert error={client.error} />;
  const c = client.data;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={`${CLIENT_KIND_LABELS[c.kind]} · ${addressText(c.address)}${c.siret ? ` · SIRET ${c.siret}` : ''}`}
        actions={
          can('quote.write') && (
            <Button component={Link} to={`../../devis/nouveau?clientId=${c.id}`} relative="path">
              Faire un devis
            </Button>
          )
        }
      />
      {c.economicDismissalUntil && c.economicDismissalUntil > today && (
        <Notice color="red" mb="md" title="Aucun nouveau contrat possible">
          Licenciement économique le {formatDate(c.economicDismissalOn!)} : pas de mise à disposition avant le{' '}
          {formatDate(c.economicDismissalUntil)} (article L5132-7).
        </Notice>
      )}
      <Tabs defaultValue="infos" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="infos">Fiche</Tabs.Tab>
          <Tabs.Tab value="sites">Lieux d’intervention ({c.sites.length})</Tabs.Tab>
          <Tabs.Tab value="contacts">Contacts ({c.contacts.length})</Tabs.Tab>
          <Tabs.Tab value="exclusions">À ne plus envoyer ({c.excludedWorkers.length})</Tabs.Tab>
          <Tabs.Tab value="documents">Devis et contrats</Tabs.Tab>
          {c.kind === 'individual' && <Tabs.Tab value="individual">Particulier : paiements</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="infos">
          <SimpleGrid cols={{ base: 1, md: 3 }} mb="lg">
            <Card withBorder>
              <Text fw={600}>Contact</Text>
              <Text>{c.contact.name ?? '—'}</Text>
              <Text size="sm">{c.contact.email}</Text>
              <Text size="sm">{c.contact.phone}</Text>
            </Card>
            <Card withBorder>
              <Text fw={600}>Facturation</Text>
              <Text size="sm">{c.billing.email ?? c.contact.email ?? '—'}</Text>
              <Text size="sm">Paiement à {c.billing.paymentTermsDays} jours</Text>
              {c.billing.chorusServiceCode && <Text size="sm">Chorus Pro : {c.billing.chorusServiceCode}</Text>}
              {c.billing.chorusCommitmentNumber && (
                <Text size="sm">Engagement : {c.billing.chorusCommitmentNumber}</Text>
              )}
            </Card>
            <Card withBorder>
              <Text fw={600}>Plafond de 480 h</Text>
              <Text size="sm">
                Forme juridique : {c.legalFormLabel ?? 'non renseignée'}
                {c.legalForm && c.legalForm !== 'private_individual' ? ` (${c.legalForm})` : ''}
              </Text>
              <Text size="sm">
                {c.countsForHoursCap
                  ? 'Les heures chez ce client comptent.'
                  : 'Les heures chez ce client ne comptent pas.'}{' '}
                {c.hoursCapReason}.
              </Text>
              {c.legalForm === null && (
                <Text size="sm" c="orange" fw={600}>
                  Choisissez sa forme juridique ci-dessous (liste de l’INSEE).
                </Text>
              )}
            </Card>
          </SimpleGrid>
          {can('client.write') && (
            <ClientForm
              key={JSON.stringify(c)}
              client={c}
              submitLabel="Enregistrer"
              onSubmit={async (body) => {
                await api(`/api/orgs/${orgId}/clients/${c.id}`, { method: 'PATCH', body });
                notifications.show({ message: 'Fiche enregistrée.', color: 'green' });
                refresh();
              }}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <SitesPanel client={c} onChange={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsPanel client={c} onChange={refresh} />
          <Box mt="md">
            <RecordAccessCard
              kind="client"
              recordId={c.id}
              defaultName={c.contact.name ?? c.name}
              defaultEmail={c.contact.email}
            />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="exclusions">
          <ExclusionsPanel client={c} onChange={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <ClientDocuments clientId={c.id} />
        </Tabs.Panel>
        {c.kind === 'individual' && (
          <Tabs.Panel value="individual">
            <ClientIndividualPanel clientId={c.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

function SitesPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const [v, setV] = useState({ name: '', line: '', postalCode: '', communeCode: '', accessNotes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setError(null);
    try {
      await api(`/api/orgs/${orgId}/clients/${client.id}/sites`, {
        body: {
          name: v.name,
          address: { line: v.line || undefined, postalCode: v.postalCode || undefined, communeCode: v.communeCode },
          accessNotes: v.accessNotes || null,
        },
      });
      setV({ name: '', line: '', postalCode: '', communeCode: '', accessNotes: '' });
      onChange();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(err);
    }
  };
  return (
    <Stack>
      <Table>
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
                      await api(`/api/orgs/${orgId}/clients/${client.id}/sites/${s.id}`, { method: 'DELETE' });
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
      </Table>
      {can('client.write') && (
        <form onSubmit={add} noValidate>
          <Title order={2} size="h4" mb="xs">
            Ajouter un lieu
          </Title>
          <ErrorAlert error={error} />
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                label="Nom du lieu"
                required
                value={v.name}
                onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
                error={errors.name}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                label="Adresse du lieu"
                value={v.line}
                onChange={(e) => setV({ ...v, line: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <TextInput
                label="Code postal du lieu"
                value={v.postalCode}
                onChange={(e) => setV({ ...v, postalCode: e.currentTarget.value })}
                error={errors['address.postalCode']}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <CommuneSelect
                label="Commune du lieu"
                required
                value={v.communeCode}
                onChange={(x) => setV({ ...v, communeCode: x })}
                error={errors['address.communeCode']}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Textarea
                label="Consignes d’accès"
                autosize
                minRows={1}
                value={v.accessNotes}
                onChange={(e) => setV({ ...v, accessNotes: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Button type="submit">Ajouter le lieu</Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}

function ContactsPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const [v, setV] = useState({ name: '', role: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      await api(`/api/orgs/${orgId}/clients/${client.id}/contacts`, {
        body: { name: v.name, role: v.role || null, email: v.email || null, phone: v.phone || null },
      });
      setV({ name: '', role: '', email: '', phone: '' });
      onChange();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
    }
  };
  return (
    <Stack>
      <Table>
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
                      await api(`/api/orgs/${orgId}/clients/${client.id}/contacts/${c.id}`, { method: 'DELETE' });
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
      </Table>
      {can('client.write') && (
        <form onSubmit={add} noValidate>
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                label="Nom"
                required
                value={v.name}
                onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
                error={errors.name}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <TextInput
                label="Fonction"
                value={v.role}
                onChange={(e) => setV({ ...v, role: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                label="E-mail"
                value={v.email}
                onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
                error={errors.email}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <TextInput
                label="Téléphone"
                value={v.phone}
                onChange={(e) => setV({ ...v, phone: e.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <Button type="submit">Ajouter</Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}

function ExclusionsPanel({ client, onChange }: { client: ClientDetail; onChange: () => void }) {
  const orgId = useOrgId();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const workers = useQuery({
    queryKey: ['workers-search', orgId, search],
    queryFn: () =>
      api<{ items: { id: string; firstName: string; lastName: string }[] }>(
        `/api/orgs/${orgId}/workers${qs({ q: search, limit: 20 })}`,
      ),
    enabled: can('worker.read') && search.length >= 2,
  });
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Les salarié·es que le client ne souhaite plus recevoir : le planning ne les propose pas pour ce client.
      </Text>
      {client.excludedWorkers.length === 0 ? (
        <Empty>Personne sur cette liste.</Empty>
      ) : (
        <Table>
          <Table.Tbody>
            {client.excludedWorkers.map((w) => (
              <Table.Tr key={w.workerId}>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>{w.reason}</Table.Td>
                <Table.Td>depuis le {formatDate(w.since)}</Table.Td>
                <Table.Td>
                  {can('client.write') && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={async () => {
                        await api(`/api/orgs/${orgId}/clients/${client.id}/excluded-workers/${w.workerId}`, {
                          method: 'DELETE',
                        });
                        onChange();
                      }}
                    >
                      Retirer de la liste
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('client.write') && can('worker.read') && (
        <Group align="flex-end">
          <Select
            label="Salarié·e"
            placeholder="Tapez un nom"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.firstName} ${w.lastName}` }))}
            value={workerId}
            onChange={setWorkerId}
            w={260}
          />
          <TextInput label="Motif" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={260} />
          <Button
            disabled={!workerId}
            onClick={async () => {
              setError(null);
              try {
                await api(`/api/orgs/${orgId}/clients/${client.id}/excluded-workers`, {
                  body: { workerId, reason: reason || null },
                });
                setWorkerId(null);
                setReason('');
                onChange();
              } catch (e) {
                setError(e);
              }
            }}
          >
            Ajouter à la liste
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

function ClientDocuments({ clientId }: { clientId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const quotes = useQuery({
    queryKey: ['quotes', orgId, 'client', clientId],
    queryFn: () =>
      api<{
        items: {
          id: string;
          number: string;
          revision: number;
          status: string;
          totalCents: number;
          validUntil: string;
        }[];
      }>(`/api/orgs/${orgId}/quotes${qs({ clientId, limit: 100 })}`),
    enabled: can('quote.read'),
  });
  const contracts = useQuery({
    queryKey: ['placement-contracts', orgId, 'client', clientId],
    queryFn: () =>
      api<{ items: { id: string; number: string; endDate: string; workerNames: string[]; signedAt: string | null }[] }>(
        `/api/orgs/${orgId}/placement-contracts${qs({ clientId, limit: 100 })}`,
      ),
    enabled: can('placement_contract.read'),
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Devis
        </Title>
        {quotes.data?.items.length === 0 && <Text c="dimmed">Aucun devis.</Text>}
        {quotes.data?.items.map((q) => (
          <Group key={q.id} justify="space-between">
            <Anchor component={Link} to={`../../devis/${q.id}`} relative="path">
              {q.number}
              {q.revision > 1 ? ` (v${q.revision})` : ''}
            </Anchor>
            <Text size="sm">
              {formatCents(q.totalCents)} · {q.status}
            </Text>
          </Group>
        ))}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Contrats de mise à disposition
        </Title>
        {contracts.data?.items.length === 0 && <Text c="dimmed">Aucun contrat.</Text>}
        {contracts.data?.items.map((c) => (
          <Group key={c.id} justify="space-between">
            <Anchor component={Link} to={`../../contrats/${c.id}`} relative="path">
              {c.number}
            </Anchor>
            <Text size="sm">jusqu’au {formatDate(c.endDate)}</Text>
          </Group>
        ))}
      </Card>
    </SimpleGrid>
  );
}
