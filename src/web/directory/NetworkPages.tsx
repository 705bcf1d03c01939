import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../shared/format';
import { ApiError, api, qs } from '../api';
import { DataTable } from '../blocks/DataTable';
import { useCan, useNetworkId } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { type Job, KIND_SHORT, type NetworkStructure } from './api';
import { CommuneSelect, CommunesMultiSelect, KIND_OPTIONS, useDepartements } from './Filters';

const PAGE_SIZE = 50;

function StatusBadge({ s }: { s: Pick<NetworkStructure, 'isPublic' | 'isActive'> }) {
  if (!s.isActive) return <Badge color="gray.8">Inactive</Badge>;
  if (!s.isPublic) return <Badge color="orange">Masquée</Badge>;
  return <Badge color="#2b7a3d">Publique</Badge>;
}

/** Network console: every structure of the network, hidden and inactive ones included. */
export function NetworkStructuresPage() {
  const networkId = useNetworkId();
  const canWrite = useCan()('network.directory.write');
  const [values, set] = useUrlFilters(['q', 'kind', 'departement', 'status', 'page'] as const);
  const [text, setText] = useState(values.q);
  const page = Math.max(1, Number(values.page) || 1);
  const deps = useDepartements();
  const query = qs({
    q: values.q,
    kind: values.kind,
    departement: values.departement,
    status: values.status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const list = useQuery({
    queryKey: ['network-structures', networkId, query],
    queryFn: () => api<{ items: NetworkStructure[]; total: number }>(`/api/networks/${networkId}/structures${query}`),
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

type FormState = {
  name: string;
  kind: string;
  siret: string;
  line: string;
  postalCode: string;
  communeCode: string;
  phone: string;
  email: string;
  website: string;
  openingHours: string;
  presentation: string;
  jobs: string[];
  departements: string[];
  communes: string[];
  networks: string[];
};

const emptyForm: FormState = {
  name: '',
  kind: 'AI',
  siret: '',
  line: '',
  postalCode: '',
  communeCode: '',
  phone: '',
  email: '',
  website: '',
  openingHours: '',
  presentation: '',
  jobs: [],
  departements: [],
  communes: [],
  networks: ['ai'],
};

function fromStructure(s: NetworkStructure): FormState {
  return {
    name: s.name,
    kind: s.kind,
    siret: s.siret ?? '',
    line: s.address.line ?? '',
    postalCode: s.address.postalCode ?? '',
    communeCode: s.address.communeCode ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    website: s.website ?? '',
    openingHours: s.openingHours ?? '',
    presentation: s.presentation ?? '',
    jobs: s.jobs,
    departements: s.territory.departements,
    communes: s.territory.communes,
    networks: s.networks,
  };
}

function useAllJobs() {
  return useQuery({
    queryKey: ['all-jobs'],
    queryFn: async () => {
      const pages = await Promise.all(
        [0, 200, 400, 600].map((offset) => api<{ items: Job[] }>(`/api/public/jobs${qs({ limit: 200, offset })}`)),
      );
      return pages.flatMap((p) => p.items);
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Create or edit a structure: every field with its label, errors next to the field, nothing lost on error. */
function StructureForm({
  initial,
  onSubmit,
  submitLabel,
}: {
  initial: FormState;
  onSubmit: (body: object) => Promise<unknown>;
  submitLabel: string;
}) {
  const [f, setF] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const jobs = useAllJobs();
  const deps = useDepartements();
  const reseaux = useQuery({
    queryKey: ['reseaux-porteurs'],
    queryFn: () => api<{ items: { code: string; label: string }[] }>('/api/public/reseaux-porteurs'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const errorOf = (prefix: string) =>
    errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
  const field = (k: keyof FormState) => ({
    value: f[k] as string,
    onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }),
  });
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit({
            name: f.name,
            kind: f.kind,
            siret: f.siret || null,
            address: { line: f.line || null, postalCode: f.postalCode || null, communeCode: f.communeCode },
            phone: f.phone || null,
            email: f.email || null,
            website: f.website || null,
            openingHours: f.openingHours || null,
            presentation: f.presentation || null,
            jobs: f.jobs,
            territory: { departements: f.departements, communes: f.communes },
            networks: f.networks,
          });
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error instanceof ApiError && error.status !== 400 && <ErrorAlert error={error} />}
      {error instanceof ApiError && error.status === 400 && (
        <Alert color="red" role="alert" mb="md" title="Certains champs sont à corriger">
          Les erreurs sont indiquées sous chaque champ.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label="Nom" required {...field('name')} error={errors.name} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Type"
            required
            data={KIND_OPTIONS}
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: v ?? 'AI' })}
            allowDeselect={false}
            error={errors.kind}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="SIRET" description="14 chiffres" {...field('siret')} error={errors.siret} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label="Adresse" {...field('line')} error={errors['address.line']} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Code postal" {...field('postalCode')} error={errors['address.postalCode']} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <CommuneSelect
            required
            value={f.communeCode}
            onChange={(communeCode) => setF({ ...f, communeCode })}
            error={errors['address.communeCode']}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Téléphone" {...field('phone')} error={errors.phone} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="E-mail" type="email" {...field('email')} error={errors.email} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Site web" placeholder="https://…" {...field('website')} error={errors.website} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            label="Horaires d’accueil"
            placeholder="Du lundi au vendredi, 9 h – 17 h"
            {...field('openingHours')}
            error={errors.openingHours}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Présentation" autosize minRows={3} {...field('presentation')} error={errors.presentation} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Métiers proposés (ROME)"
            searchable
            data={(jobs.data ?? []).map((j) => ({ value: j.code, label: `${j.label} (${j.code})` }))}
            value={f.jobs}
            onChange={(v) => setF({ ...f, jobs: v })}
            error={errorOf('jobs')}
            limit={50}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <MultiSelect
            label="Territoire servi (départements)"
            searchable
            data={(deps.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
            value={f.departements}
            onChange={(v) => setF({ ...f, departements: v })}
            error={errorOf('territory.departements') ?? errors.territory}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <CommunesMultiSelect
            label="Territoire servi (communes)"
            value={f.communes}
            onChange={(communes) => setF({ ...f, communes })}
            error={errorOf('territory.communes')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Réseaux porteurs"
            searchable
            data={(reseaux.data?.items ?? []).map((r) => ({ value: r.code, label: r.label }))}
            value={f.networks}
            onChange={(v) => setF({ ...f, networks: v })}
            error={errorOf('networks')}
          />
        </Grid.Col>
      </Grid>
      <Group mt="lg">
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
        <Button component={Link} to=".." relative="path" variant="default">
          Annuler
        </Button>
      </Group>
    </form>
  );
}

export function NewStructurePage() {
  const networkId = useNetworkId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader title="Ajouter une structure" subtitle="Elle apparaîtra sur la carte et dans l’annuaire public." />
      <StructureForm
        initial={emptyForm}
        submitLabel="Ajouter la structure"
        onSubmit={async (body) => {
          const created = await api<NetworkStructure>(`/api/networks/${networkId}/structures`, { body });
          await qc.invalidateQueries({ queryKey: ['network-structures'] });
          notifications.show({ color: 'green', message: `${created.name} est ajoutée à l’annuaire.` });
          navigate(`../${created.id}`, { relative: 'path' });
        }}
      />
    </>
  );
}

export function EditStructurePage() {
  const networkId = useNetworkId();
  const { organisationId = '' } = useParams();
  const canWrite = useCan()('network.directory.write');
  const qc = useQueryClient();
  const url = `/api/networks/${networkId}/structures/${organisationId}`;
  const q = useQuery({ queryKey: ['network-structure', url], queryFn: () => api<NetworkStructure>(url) });
  const patch = async (body: object) => {
    const updated = await api<NetworkStructure>(url, { method: 'PATCH', body });
    qc.setQueryData(['network-structure', url], updated);
    await qc.invalidateQueries({ queryKey: ['network-structures'] });
    return updated;
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <>
      <PageHeader
        title={s.name}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge s={s} />
            {s.isActive && s.isPublic && (
              <Anchor component={Link} to={`/structures/${s.slug}`}>
                Voir la fiche publique
              </Anchor>
            )}
          </Group>
        }
      />
      {canWrite ? (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <StructureForm
              key={s.updatedAt}
              initial={fromStructure(s)}
              submitLabel="Enregistrer"
              onSubmit={async (body) => {
                await patch(body);
                notifications.show({ color: 'green', message: 'Modifications enregistrées.' });
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack>
              <Card withBorder>
                <Title order={2} size="h5">
                  Visibilité
                </Title>
                <Switch
                  mt="sm"
                  label="Visible sur la carte et dans l’annuaire"
                  checked={s.isPublic}
                  disabled={!s.isActive}
                  onChange={async (e) => {
                    const isPublic = e.currentTarget.checked;
                    await patch({ isPublic });
                    notifications.show({
                      message: isPublic
                        ? 'La structure est de nouveau visible.'
                        : 'La structure est masquée au public.',
                    });
                  }}
                />
                <Group mt="md">
                  {s.isActive ? (
                    <ConfirmButton
                      color="red"
                      variant="default"
                      consequence={`${s.name} disparaîtra de la carte et de l’annuaire, et ne recevra plus de besoins. Vous pourrez la réactiver.`}
                      confirmLabel="Désactiver"
                      onConfirm={() => patch({ isActive: false })}
                    >
                      Désactiver la structure
                    </ConfirmButton>
                  ) : (
                    <Button variant="default" onClick={() => patch({ isActive: true })}>
                      Réactiver la structure
                    </Button>
                  )}
                </Group>
              </Card>
              <InviteCard structure={s} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Text>{s.presentation}</Text>
      )}
    </>
  );
}

function InviteCard({ structure }: { structure: NetworkStructure }) {
  const networkId = useNetworkId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const qc = useQueryClient();
  const invite = useMutation({
    mutationFn: () =>
      api<{ email: string; expiresAt: string }>(`/api/networks/${networkId}/structures/${structure.id}/invitations`, {
        body: { email, name },
      }),
    onSuccess: async (r) => {
      notifications.show({ color: 'green', message: `Invitation envoyée à ${r.email}.` });
      setEmail('');
      setName('');
      await qc.invalidateQueries({ queryKey: ['network-structures'] });
    },
  });
  const errors = invite.error instanceof ApiError ? invite.error.fieldErrors : {};
  return (
    <Card withBorder>
      <Title order={2} size="h5">
        Inviter la direction
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        La personne reçoit un lien personnel (valable 14 jours) pour choisir son mot de passe et gérer la structure.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Stack mt="sm" gap="sm">
          <TextInput
            label="Nom et prénom"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <TextInput
            label="Adresse e-mail"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
          />
          {invite.error && !errors.email && !errors.name && <ErrorAlert error={invite.error} />}
          <Button type="submit" loading={invite.isPending} variant="default">
            Envoyer l’invitation
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

type ImportRow = {
  line: number;
  id: string | null;
  name: string | null;
  action: 'create' | 'update' | 'reject';
  organisationId: string | null;
  problems: string[];
};
type ImportPreview = { clean: boolean; counts: { create: number; update: number; reject: number }; rows: ImportRow[] };

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
    format: file!.name.toLowerCase().endsWith('.json') ? 'json' : 'csv',
    contentBase64: await toBase64(file!),
  });
  const run = async (step: 'preview' | 'confirm') => {
    setBusy(true);
    setError(null);
    try {
      const url = `/api/networks/${networkId}/structures/import/${step}`;
      if (step === 'preview') setPreview(await api<ImportPreview>(url, { body: await body() }));
      else {
        const r = await api<{ created: number; updated: number }>(url, { body: await body() });
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
