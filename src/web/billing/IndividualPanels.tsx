import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { formatCents, formatDate } from '../../shared/format';
import { ApiError, api } from '../api';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading } from '../shell/ui';

/** Individuals (services à la personne): see src/server/modules/individuals for the API. */

type CesuBatch = {
  id: string;
  clientId: string;
  clientName: string;
  issuer: string;
  numbers: string;
  faceValueCents: number;
  count: number;
  receivedOn: string;
  totalCents: number;
  usedCents: number;
  leftCents: number;
};
type Registration = {
  consentOn: string | null;
  civilite: '1' | '2' | null;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
  birthDate: string | null;
  birthCountryCode: string;
  birthDepartment: string | null;
  birthCommuneCode: string | null;
  birthCommuneName: string | null;
  mobilePhone: string | null;
  email: string | null;
  ibanMasked: string | null;
  bic: string | null;
  accountHolder: string | null;
  status: 'not_registered' | 'registered' | 'rejected';
  urssafClientId: string | null;
  registeredAt: string | null;
  errorReason: string | null;
};
type ClientIndividual = {
  avanceImmediate: { enabled: boolean; configured: boolean };
  sepaDirectDebit: boolean;
  registration: Registration | null;
  mandate: { id: string; rum: string; ibanMasked: string; bic: string; accountHolder: string; signedOn: string } | null;
  cesu: CesuBatch[];
};
type UrssafRequest = {
  id: string;
  invoiceId: string;
  month: string;
  totalCents: number;
  urssafShareCents: number;
  clientShareCents: number;
  state: 'to_send' | 'sent' | 'refused' | 'error' | 'paid' | 'cancelled';
  statusLabel: string;
  rejectReason: string | null;
  rejectComment: string | null;
  errorReason: string | null;
  transferCents: number | null;
  transferOn: string | null;
  checkedAt: string | null;
  clientName?: string;
  invoiceNumber?: string;
};

const STATE_COLORS: Record<UrssafRequest['state'], string> = {
  to_send: 'gray',
  sent: 'blue',
  refused: 'red',
  error: 'red',
  paid: 'green',
  cancelled: 'gray',
};
const today = () => new Date().toISOString().slice(0, 10);
const euroToCents = (v: string | number) => Math.round(Number(v) * 100);
const ok = (message: string) =>
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Fermer la notification' } });

function RegistrationBadge({ data }: { data: ClientIndividual }) {
  if (!data.avanceImmediate.configured || !data.avanceImmediate.enabled)
    return <Badge color="gray">Non inscrit (avance immédiate non activée)</Badge>;
  const s = data.registration?.status ?? 'not_registered';
  if (s === 'registered') return <Badge color="green">Inscrit à l’URSSAF</Badge>;
  if (s === 'rejected') return <Badge color="red">Inscription refusée</Badge>;
  return <Badge color="gray">Non inscrit</Badge>;
}

/** The client record's tab for an individual: avance immédiate, SEPA mandate, CESU received. */
export function ClientIndividualPanel({ clientId }: { clientId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['client-individual', orgId, clientId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<ClientIndividual>(`/api/orgs/${orgId}/clients/${clientId}/individual`),
  });
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const set = (data: ClientIndividual) => qc.setQueryData(key, data);
  const write = can('payment.write');
  return (
    <Stack>
      <UrssafCard clientId={clientId} data={d} onChange={set} write={write} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MandateCard clientId={clientId} data={d} onChange={set} write={write} />
        <CesuCard clientId={clientId} data={d} onChange={() => qc.invalidateQueries({ queryKey: key })} write={write} />
      </SimpleGrid>
    </Stack>
  );
}

function UrssafCard(p: {
  clientId: string;
  data: ClientIndividual;
  onChange: (d: ClientIndividual) => void;
  write: boolean;
}) {
  const orgId = useOrgId();
  const r = p.data.registration;
  const [form, setForm] = useState({
    consentOn: r?.consentOn ?? '',
    civilite: r?.civilite ?? '',
    birthName: r?.birthName ?? '',
    usageName: r?.usageName ?? '',
    firstNames: r?.firstNames ?? '',
    birthDate: r?.birthDate ?? '',
    birthCountryCode: r?.birthCountryCode ?? '99100',
    birthDepartment: r?.birthDepartment ?? '',
    birthCommuneCode: r?.birthCommuneCode ?? '',
    birthCommuneName: r?.birthCommuneName ?? '',
    mobilePhone: r?.mobilePhone ?? '',
    email: r?.email ?? '',
    iban: '',
    bic: r?.bic ?? '',
    accountHolder: r?.accountHolder ?? '',
  });
  const base = `/api/orgs/${orgId}/clients/${p.clientId}/urssaf`;
  const save = useMutation({
    mutationFn: () => {
      const n = (v: string) => (v.trim() ? v.trim() : null);
      return api<ClientIndividual>(base, {
        method: 'PUT',
        body: {
          consentOn: n(form.consentOn),
          civilite: n(form.civilite),
          birthName: n(form.birthName),
          usageName: n(form.usageName),
          firstNames: n(form.firstNames),
          birthDate: n(form.birthDate),
          birthCountryCode: form.birthCountryCode.trim() || '99100',
          birthDepartment: n(form.birthDepartment),
          birthCommuneCode: n(form.birthCommuneCode),
          birthCommuneName: n(form.birthCommuneName),
          mobilePhone: n(form.mobilePhone.replace(/\s/g, '')),
          email: n(form.email),
          // The IBAN is never sent back to the screen: left empty, the recorded one stays.
          iban: n(form.iban) ?? undefined,
          bic: n(form.bic),
          accountHolder: n(form.accountHolder),
        },
      });
    },
    onSuccess: (data) => {
      p.onChange(data);
      ok('Dossier d’avance immédiate enregistré.');
    },
  });
  const register = useMutation({
    mutationFn: () => api<ClientIndividual>(`${base}/register`, { method: 'POST' }),
    onSuccess: (data) => {
      p.onChange(data);
      ok('Client inscrit à l’URSSAF : il doit maintenant activer son compte en ligne.');
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const field = (k: keyof typeof form, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={form[k]}
      onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })}
      error={errors[k]}
      disabled={!p.write}
      {...extra}
    />
  );
  const active = p.data.avanceImmediate.enabled && p.data.avanceImmediate.configured;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Avance immédiate du crédit d’impôt
        </Title>
        <RegistrationBadge data={p.data} />
      </Group>
      <Text size="sm" mb="sm">
        Avec l’accord du client, l’URSSAF paie chaque facture du mois et ne prélève au client que la moitié : il
        n’avance plus son crédit d’impôt.
        {!active &&
          (p.data.avanceImmediate.configured
            ? ' Activez-la dans les paramètres de la structure.'
            : ' Le service de l’URSSAF n’est pas configuré sur ce serveur (URSSAF_API_URL).')}
      </Text>
      {r?.status === 'registered' && r.registeredAt && (
        <Text size="sm" mb="sm">
          Inscrit le {formatDate(r.registeredAt)} · identifiant URSSAF {r.urssafClientId}
        </Text>
      )}
      {r?.status === 'rejected' && (
        <Text size="sm" c="red.9" mb="sm" role="alert">
          Refus de l’URSSAF : {r.errorReason}
        </Text>
      )}
      {r?.status !== 'registered' && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ErrorAlert error={save.error} title="Dossier non enregistré" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {field('consentOn', 'Accord écrit du client le', { type: 'date' })}
            <Select
              label="Civilité"
              data={[
                { value: '2', label: 'Madame' },
                { value: '1', label: 'Monsieur' },
              ]}
              value={form.civilite || null}
              onChange={(v) => setForm({ ...form, civilite: v ?? '' })}
              disabled={!p.write}
            />
            {field('birthName', 'Nom de naissance')}
            {field('usageName', 'Nom d’usage')}
            {field('firstNames', 'Prénoms')}
            {field('birthDate', 'Date de naissance', { type: 'date' })}
            {field('birthCountryCode', 'Pays de naissance (code INSEE)', { description: '99100 pour la France' })}
            {field('birthDepartment', 'Département de naissance', { description: 'ex. 075' })}
            {field('birthCommuneCode', 'Commune de naissance (3 chiffres)', { description: 'fin du code INSEE' })}
            {field('birthCommuneName', 'Nom de la commune de naissance')}
            {field('mobilePhone', 'Téléphone portable')}
            {field('email', 'E-mail')}
            {field('iban', r?.ibanMasked ? `IBAN (enregistré : ${r.ibanMasked})` : 'IBAN')}
            {field('bic', 'BIC')}
            {field('accountHolder', 'Titulaire du compte')}
          </SimpleGrid>
          {p.write && (
            <Group mt="md">
              <Button type="submit" loading={save.isPending}>
                Enregistrer le dossier
              </Button>
              {active && (
                <Button variant="light" onClick={() => register.mutate()} loading={register.isPending}>
                  Inscrire à l’URSSAF
                </Button>
              )}
            </Group>
          )}
          <ErrorAlert error={register.error} title="Inscription impossible" />
        </form>
      )}
    </Card>
  );
}

function MandateCard(p: {
  clientId: string;
  data: ClientIndividual;
  onChange: (d: ClientIndividual) => void;
  write: boolean;
}) {
  const orgId = useOrgId();
  const [form, setForm] = useState({ rum: '', iban: '', bic: '', accountHolder: '', signedOn: today() });
  const save = useMutation({
    mutationFn: () =>
      api<ClientIndividual>(`/api/orgs/${orgId}/clients/${p.clientId}/sepa-mandates`, { method: 'POST', body: form }),
    onSuccess: (data) => {
      p.onChange(data);
      setForm({ rum: '', iban: '', bic: '', accountHolder: '', signedOn: today() });
      ok('Mandat de prélèvement enregistré.');
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const m = p.data.mandate;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Prélèvement SEPA
      </Title>
      {m ? (
        <Text size="sm" mb="sm">
          Mandat {m.rum} signé le {formatDate(m.signedOn)} · {m.accountHolder} · {m.ibanMasked} · {m.bic}
          {!p.data.sepaDirectDebit && ' (le prélèvement n’est pas activé dans les paramètres)'}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Aucun mandat : les factures se règlent par virement, chèque ou CESU.
        </Text>
      )}
      {p.write && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ErrorAlert error={save.error} title="Mandat non enregistré" />
          <Stack gap="xs">
            <TextInput
              label="Référence unique du mandat (RUM)"
              required
              value={form.rum}
              onChange={(e) => setForm({ ...form, rum: e.currentTarget.value })}
              error={errors.rum}
            />
            <TextInput
              label="IBAN"
              required
              value={form.iban}
              onChange={(e) => setForm({ ...form, iban: e.currentTarget.value })}
              error={errors.iban}
            />
            <TextInput
              label="BIC"
              required
              value={form.bic}
              onChange={(e) => setForm({ ...form, bic: e.currentTarget.value })}
              error={errors.bic}
            />
            <TextInput
              label="Titulaire du compte"
              required
              value={form.accountHolder}
              onChange={(e) => setForm({ ...form, accountHolder: e.currentTarget.value })}
              error={errors.accountHolder}
            />
            <TextInput
              label="Signé le"
              type="date"
              required
              value={form.signedOn}
              onChange={(e) => setForm({ ...form, signedOn: e.currentTarget.value })}
            />
            <Button type="submit" loading={save.isPending} variant={m ? 'light' : 'filled'}>
              {m ? 'Remplacer le mandat' : 'Enregistrer le mandat'}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function CesuCard(p: { clientId: string; data: ClientIndividual; onChange: () => void; write: boolean }) {
  const orgId = useOrgId();
  const [form, setForm] = useState({
    issuer: '',
    numbers: '',
    faceValue: '' as string | number,
    count: 1 as string | number,
    receivedOn: today(),
  });
  const save = useMutation({
    mutationFn: () =>
      api(`/api/orgs/${orgId}/cesu-titles`, {
        method: 'POST',
        body: {
          clientId: p.clientId,
          issuer: form.issuer,
          numbers: form.numbers,
          faceValueCents: euroToCents(form.faceValue),
          count: Number(form.count),
          receivedOn: form.receivedOn,
        },
      }),
    onSuccess: () => {
      p.onChange();
      setForm({ issuer: '', numbers: '', faceValue: '', count: 1, receivedOn: today() });
      ok('CESU enregistrés : affectez-les aux factures depuis chaque facture.');
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        CESU préfinancés reçus
      </Title>
      {p.data.cesu.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          Aucun CESU reçu.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reçus le</Table.Th>
              <Table.Th>Titres</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Reste</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.data.cesu.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatDate(b.receivedOn)}</Table.Td>
                <Table.Td>
                  {b.count} × {formatCents(b.faceValueCents)} {b.issuer} (n° {b.numbers})
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(b.leftCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {p.write && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ErrorAlert error={save.error} title="CESU non enregistrés" />
          <Stack gap="xs">
            <TextInput
              label="Émetteur"
              required
              placeholder="Edenred, Up, Pluxee…"
              value={form.issuer}
              onChange={(e) => setForm({ ...form, issuer: e.currentTarget.value })}
              error={errors.issuer}
            />
            <TextInput
              label="Numéros des titres"
              required
              value={form.numbers}
              onChange={(e) => setForm({ ...form, numbers: e.currentTarget.value })}
              error={errors.numbers}
            />
            <Group grow>
              <NumberInput
                label="Valeur d’un titre (€)"
                required
                min={0.01}
                decimalScale={2}
                decimalSeparator=","
                value={form.faceValue}
                onChange={(v) => setForm({ ...form, faceValue: v })}
                error={errors.faceValueCents}
              />
              <NumberInput
                label="Nombre de titres"
                required
                min={1}
                value={form.count}
                onChange={(v) => setForm({ ...form, count: v })}
                error={errors.count}
              />
            </Group>
            <TextInput
              label="Reçus le"
              type="date"
              required
              value={form.receivedOn}
              onChange={(e) => setForm({ ...form, receivedOn: e.currentTarget.value })}
            />
            <Button type="submit" loading={save.isPending}>
              Enregistrer les CESU
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}

type InvoiceIndividual = {
  urssafRequest: UrssafRequest | null;
  cesuAllocations: { id: string; amountCents: number; allocatedOn: string; issuer: string; numbers: string }[];
  cesuBatches: CesuBatch[];
};

/** On an invoice: the URSSAF share and its status, the CESU applied and the form to apply more. */
export function InvoiceIndividualPanel({
  invoiceId,
  outstandingCents,
  onChange,
}: {
  invoiceId: string;
  outstandingCents: number;
  onChange: () => void;
}) {
  const orgId = useOrgId();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const qc = useQueryClient();
  const key = ['invoice-individual', orgId, invoiceId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<InvoiceIndividual>(`/api/orgs/${orgId}/invoices/${invoiceId}/individual`),
  });
  const [batchId, setBatchId] = useState<string | null>(null);
  const [amount, setAmount] = useState<string | number>('');
  const allocate = useMutation({
    mutationFn: () =>
      api(`/api/orgs/${orgId}/cesu-titles/${batchId}/allocations`, {
        method: 'POST',
        body: { invoiceId, amountCents: euroToCents(amount), allocatedOn: today() },
      }),
    onSuccess: () => {
      setAmount('');
      setBatchId(null);
      qc.invalidateQueries({ queryKey: key });
      onChange();
      ok('CESU affectés à la facture.');
    },
  });
  const refresh = useMutation({
    mutationFn: () => api(`/api/orgs/${orgId}/urssaf/refresh`, { method: 'POST' }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      onChange();
    },
  });
  if (q.isPending || !q.data) return null;
  const d = q.data;
  const r = d.urssafRequest;
  const showCesu = !portal && (d.cesuAllocations.length > 0 || (d.cesuBatches.length > 0 && outstandingCents > 0));
  if (!r && !showCesu && d.cesuAllocations.length === 0) return null;
  const errors = allocate.error instanceof ApiError ? allocate.error.fieldErrors : {};
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      {r && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Avance immédiate (URSSAF)
            </Title>
            <Badge color={STATE_COLORS[r.state]}>{r.statusLabel}</Badge>
          </Group>
          <Text>
            Part payée par l’URSSAF : <b>{formatCents(r.urssafShareCents)}</b>
          </Text>
          <Text>
            Reste à la charge du client (50 %) : <b>{formatCents(r.clientShareCents)}</b>
          </Text>
          {r.transferCents != null && r.transferOn && (
            <Text size="sm">
              Virement de l’URSSAF : {formatCents(r.transferCents)} le {formatDate(r.transferOn)}
            </Text>
          )}
          {(r.rejectReason || r.errorReason) && (
            <Text size="sm" c="red.9" role="alert">
              {r.rejectReason ?? r.errorReason}
              {r.rejectComment ? ` — « ${r.rejectComment} »` : ''}
            </Text>
          )}
          {!portal && can('payment.write') && (r.state === 'sent' || r.state === 'to_send') && (
            <Button mt="sm" variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
              Mettre à jour les statuts
            </Button>
          )}
        </Card>
      )}
      {(showCesu || d.cesuAllocations.length > 0) && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            CESU préfinancés
          </Title>
          {d.cesuAllocations.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucun CESU affecté à cette facture.
            </Text>
          ) : (
            d.cesuAllocations.map((a) => (
              <Text key={a.id} size="sm">
                {formatDate(a.allocatedOn)} — {formatCents(a.amountCents)} en CESU {a.issuer} (n° {a.numbers})
              </Text>
            ))
          )}
          {!portal && can('payment.write') && d.cesuBatches.length > 0 && outstandingCents > 0 && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                allocate.mutate();
              }}
            >
              <ErrorAlert error={allocate.error} title="CESU non affectés" />
              <Stack gap="xs" mt="sm">
                <Select
                  label="Lot de CESU"
                  required
                  data={d.cesuBatches.map((b) => ({
                    value: b.id,
                    label: `${b.issuer} reçus le ${formatDate(b.receivedOn)} — reste ${formatCents(b.leftCents)}`,
                  }))}
                  value={batchId}
                  onChange={(v) => {
                    setBatchId(v);
                    const b = d.cesuBatches.find((x) => x.id === v);
                    if (b) setAmount(Math.min(b.leftCents, outstandingCents) / 100);
                  }}
                />
                <NumberInput
                  label="Montant affecté (€)"
                  required
                  min={0.01}
                  decimalScale={2}
                  decimalSeparator=","
                  value={amount}
                  onChange={setAmount}
                  error={errors.amountCents}
                />
                <Button type="submit" loading={allocate.isPending} disabled={!batchId}>
                  Affecter les CESU
                </Button>
              </Stack>
            </form>
          )}
        </Card>
      )}
    </SimpleGrid>
  );
}

/** For the accountant, on the invoices page: URSSAF payment requests to watch, refusals with their reason. */
export function UrssafRequestsPanel() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['urssaf-requests', orgId];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ items: UrssafRequest[] }>(
        `/api/orgs/${orgId}/urssaf/requests?state=to_send&state=sent&state=refused&state=error`,
      ),
  });
  const refresh = useMutation({
    mutationFn: () =>
      api<{ checked: number; paid: number; refused: number; error: string | null }>(
        `/api/orgs/${orgId}/urssaf/refresh`,
        { method: 'POST' },
      ),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ['invoices', orgId] });
      if (r.error) notifications.show({ color: 'red', message: r.error });
      else
        ok(
          `${r.checked} demande${r.checked > 1 ? 's' : ''} vérifiée${r.checked > 1 ? 's' : ''}, ${r.paid} payée${r.paid > 1 ? 's' : ''}.`,
        );
    },
  });
  if (!q.data || q.data.items.length === 0) return null;
  const problems = q.data.items.filter((r) => r.state === 'refused' || r.state === 'error');
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Avance immédiate : demandes de paiement à l’URSSAF
        </Title>
        <Button variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
          Mettre à jour les statuts
        </Button>
      </Group>
      <Text size="sm" mb="xs">
        {q.data.items.length - problems.length} en cours · {problems.length} refusée{problems.length > 1 ? 's' : ''}
      </Text>
      {problems.length === 0 ? (
        <Empty>Aucun refus.</Empty>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Facture</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Motif</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={r.invoiceId}>
                    {r.invoiceNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.clientName}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="red.9">
                    {r.statusLabel} : {r.rejectReason ?? r.errorReason}
                    {r.rejectComment ? ` — « ${r.rejectComment} »` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
