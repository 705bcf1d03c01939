import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatCents, formatDate, formatMinutes } from '../../shared/format';
import { ApiError, api, qs } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ConfirmButton, Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { currentMonth, monthOptions, type TimesheetRow } from '../timesheets/TimesheetsPages';
import { InvoiceIndividualPanel, UrssafRequestsPanel } from './IndividualPanels';

type InvoiceRow = {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  clientId: string;
  clientName: string;
  month: string;
  issuedOn: string;
  dueOn: string;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  outstandingCents: number;
  overdue: boolean;
};
type InvoiceDetail = InvoiceRow & {
  netCents: number;
  vatCents: number;
  vatRatePct: number;
  vatMention: string | null;
  buyer: { name: string; siret: string | null };
  reason: string | null;
  creditedInvoice: { id: string; number: string } | null;
  lines: { position: number; label: string; minutes: number; count: number; kind: string; totalCents: number }[];
  payments: { id: string; amountCents: number; paidOn: string; method: string; reference: string | null }[];
  creditNotes: { id: string; number: string; issuedOn: string; totalCents: number; reason: string | null }[];
};

const monthLabel = (m: string) => monthOptions(36).find((x) => x.value === m)?.label ?? m;
const previousMonth = () => monthOptions(2)[1].value;

function PaymentBadge({ i }: { i: InvoiceRow }) {
  if (i.kind === 'credit_note')
    return (
      <Badge variant="outline" color="violet.9">
        Avoir
      </Badge>
    );
  if (i.outstandingCents <= 0)
    return (
      <Badge variant="outline" color="teal.9">
        Réglée
      </Badge>
    );
  if (i.overdue)
    return (
      <Badge variant="outline" color="red.9">
        En retard
      </Badge>
    );
  if (i.paidCents > 0)
    return (
      <Badge variant="outline" color="grape.9">
        Partiellement réglée
      </Badge>
    );
  return (
    <Badge variant="outline" color="blue.9">
      À régler
    </Badge>
  );
}

/** Invoices and credit notes, filters in the URL; in the portal, the client's own. */
/** A private client's tax certificates (services à la personne) of the last two years, in its portal. */
function MyTaxCertificates() {
  const orgId = useOrgId();
  const thisYear = Number(currentMonth().slice(0, 4));
  const years = [thisYear, thisYear - 1];
  const certs = useQuery({
    queryKey: ['certs', orgId, 'mine', thisYear],
    queryFn: async () => {
      const lists = await Promise.all(
        years.map((y) => api<{ items: Certificate[] }>(`/api/orgs/${orgId}/tax-certificates?year=${y}`)),
      );
      return lists.flatMap((l, i) => l.items.map((c) => ({ ...c, year: years[i] })));
    },
  });
  if (!certs.data?.length) return null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        Mes attestations fiscales
      </Title>
      <Text size="sm" mb="xs">
        À joindre à votre déclaration de revenus (crédit d’impôt services à la personne).
      </Text>
      <Stack gap={4}>
        {certs.data.map((c) => (
          <Anchor key={c.year} href={`/api/orgs/${orgId}/tax-certificates/${c.year}/${c.clientId}/pdf`} download>
            Télécharger l’attestation fiscale {c.year} ({formatCents(c.paidCents)} payés)
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}

export function InvoicesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const [f, setF] = useUrlFilters(['month', 'status'] as const);
  const list = useQuery({
    queryKey: ['invoices', orgId, f.month, f.status],
    queryFn: () =>
      api<{ items: InvoiceRow[]; total: number }>(
        `/api/orgs/${orgId}/invoices${qs({ month: f.month, status: f.status, limit: 200 })}`,
      ),
  });
  const due = (list.data?.items ?? []).reduce((s, i) => s + Math.max(0, i.outstandingCents), 0);
  return (
    <>
      <PageHeader
        title={portal ? 'Mes factures' : 'Factures'}
        subtitle={
          list.data
            ? `${list.data.total} document${list.data.total > 1 ? 's' : ''} · reste à encaisser ${formatCents(due)}`
            : undefined
        }
      />
      <Group mb="md">
        <Select
          label="Mois facturé"
          placeholder="Tous"
          clearable
          data={monthOptions()}
          value={f.month || null}
          onChange={(x) => setF({ month: x })}
          w={220}
        />
        <Select
          label="Règlement"
          placeholder="Tous"
          clearable
          data={[
            { value: 'unpaid', label: 'À régler' },
            { value: 'overdue', label: 'En retard' },
            { value: 'paid', label: 'Réglées' },
          ]}
          value={f.status || null}
          onChange={(x) => setF({ status: x })}
          w={200}
        />
      </Group>
      {portal ? (
        <MyTaxCertificates />
      ) : (
        can('export.read') && (
          <Text size="sm" mb="md">
            Attestations fiscales des particuliers :{' '}
            <Anchor component={Link} to="../exports" relative="path">
              les générer et les télécharger dans Exports
            </Anchor>
            .
          </Text>
        )
      )}
      {!portal && can('payment.write') && <UrssafRequestsPanel />}
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <Empty>Aucune facture.</Empty>
      ) : (
        <StackTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              {!portal && <Table.Th>Client</Table.Th>}
              <Table.Th>Mois</Table.Th>
              <Table.Th>Émise le</Table.Th>
              <Table.Th>Échéance</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Reste dû</Table.Th>
              <Table.Th>État</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={i.id}>
                    {i.number}
                  </Anchor>
                </Table.Td>
                {!portal && <Table.Td>{i.clientName}</Table.Td>}
                <Table.Td>{monthLabel(i.month)}</Table.Td>
                <Table.Td>{formatDate(i.issuedOn)}</Table.Td>
                <Table.Td>{i.kind === 'invoice' ? formatDate(i.dueOn) : '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(i.totalCents)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {i.kind === 'invoice' ? formatCents(i.outstandingCents) : '—'}
                </Table.Td>
                <Table.Td>
                  <PaymentBadge i={i} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}

/** Payment means; the last three are paid for the client (deducted from the tax certificate's amount). */
const PAYMENT_METHOD_LABELS: Record<string, string> = {
  virement: 'Virement',
  cheque: 'Chèque',
  prelevement: 'Prélèvement',
  especes: 'Espèces',
  carte: 'Carte bancaire',
  cesu_prepaid: 'CESU préfinancé',
  avance_immediate: 'Avance immédiate (URSSAF)',
  apa_pch: 'APA / PCH versée par le département',
};

function AmountForm({
  label,
  submitLabel,
  withReason,
  withMethod,
  onSubmit,
  confirm,
}: {
  label: string;
  submitLabel: string;
  withReason?: boolean;
  /** Payments: how it was paid (tax certificates deduct prepaid CESU, avance immédiate and APA/PCH). */
  withMethod?: boolean;
  onSubmit: (v: { amountCents: number; paidOn: string; reason: string; method: string }) => Promise<unknown>;
  /** When given, the action is confirmed first, with this sentence naming its consequence. */
  confirm?: (v: { amountCents: number; reason: string }) => string;
}) {
  const [asking, setAsking] = useState(false);
  const [amount, setAmount] = useState<number | string>('');
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<string | null>('virement');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = error instanceof ApiError ? error.fieldErrors : {};
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ amountCents: Math.round(Number(amount) * 100), paidOn, reason, method: method ?? 'virement' });
      setAmount('');
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-start">
        <NumberInput
          label={label}
          decimalSeparator=","
          decimalScale={2}
          min={0}
          suffix=" €"
          value={amount}
          onChange={setAmount}
          error={fe.amountCents ?? (error instanceof ApiError && error.status === 422 ? error.message : undefined)}
          w={200}
        />
        {withReason ? (
          <TextInput
            label="Motif"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fe.reason}
            w={320}
          />
        ) : (
          <TextInput
            type="date"
            label="Payé le"
            value={paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
            error={fe.paidOn}
          />
        )}
        {withMethod && (
          <Select
            label="Moyen de paiement"
            data={Object.entries(PAYMENT_METHOD_LABELS).map(([value, l]) => ({ value, label: l }))}
            value={method}
            onChange={setMethod}
            error={fe.method}
            allowDeselect={false}
            w={240}
          />
        )}
      </Group>
      <Group>
        <Button loading={busy} onClick={() => (confirm ? setAsking(true) : submit())}>
          {submitLabel}
        </Button>
      </Group>
      {confirm && (
        <Modal opened={asking} onClose={() => setAsking(false)} title="Confirmer" centered>
          <Stack>
            <Text>{confirm({ amountCents: Math.round(Number(amount) * 100), reason })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                Annuler
              </Button>
              <Button
                loading={busy}
                onClick={async () => {
                  await submit();
                  setAsking(false);
                }}
              >
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {error instanceof ApiError && error.status !== 422 && error.status !== 400 && <ErrorAlert error={error} />}
    </Stack>
  );
}

/** One invoice: lines, totals, payments and credit notes; the PDF (Factur-X) and the XML. */
export function InvoicePage() {
  const orgId = useOrgId();
  const { invoiceId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['invoice', orgId, invoiceId];
  const q = useQuery({ queryKey: key, queryFn: () => api<InvoiceDetail>(`/api/orgs/${orgId}/invoices/${invoiceId}`) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const i = q.data!;
  const base = `/api/orgs/${orgId}/invoices/${i.id}`;
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['invoices', orgId] });
  };
  return (
    <>
      <PageHeader
        title={`${i.kind === 'invoice' ? 'Facture' : 'Avoir'} ${i.number}`}
        subtitle={`${i.buyer.name} · ${monthLabel(i.month)} · émise le ${formatDate(i.issuedOn)}`}
        actions={
          <>
            <Button component="a" href={`${base}/pdf`} download>
              Télécharger le PDF (Factur-X)
            </Button>
            <Button component="a" variant="default" href={`${base}/xml`} download>
              XML (Chorus Pro)
            </Button>
          </>
        }
      />
      {i.creditedInvoice && (
        <Text mb="md">
          Avoir sur la facture{' '}
          <Anchor component={Link} to={`../${i.creditedInvoice.id}`} relative="path">
            {i.creditedInvoice.number}
          </Anchor>
          {i.reason ? ` — ${i.reason}` : ''}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Total
          </Text>
          <Text fw={700}>{formatCents(i.totalCents)}</Text>
        </Card>
        {i.kind === 'invoice' && (
          <>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Réglé
              </Text>
              <Text fw={700}>{formatCents(i.paidCents)}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Avoirs
              </Text>
              <Text fw={700}>{formatCents(i.creditedCents)}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Reste dû (échéance {formatDate(i.dueOn)})
              </Text>
              <Text fw={700} c={i.overdue ? 'red.9' : undefined}>
                {formatCents(i.outstandingCents)}
              </Text>
            </Card>
          </>
        )}
      </SimpleGrid>
      {i.kind === 'invoice' && (
        <InvoiceIndividualPanel invoiceId={i.id} outstandingCents={i.outstandingCents} onChange={refresh} />
      )}
      <Title order={2} size="h4" mb="xs">
        Lignes
      </Title>
      <StackTable striped mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Désignation</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Quantité</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {i.lines.map((l) => (
            <Table.Tr key={l.position}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {l.kind === 'travel' || l.kind === 'credit' ? l.count : formatMinutes(l.minutes)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatCents(l.totalCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2}>Total HT</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatCents(i.netCents)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td colSpan={2}>{i.vatRatePct ? `TVA ${i.vatRatePct} %` : (i.vatMention ?? 'TVA')}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatCents(i.vatCents)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </StackTable>
      {i.kind === 'invoice' && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Paiements
            </Title>
            {i.payments.length === 0 ? (
              <Text c="dimmed">Aucun paiement reçu.</Text>
            ) : (
              i.payments.map((p) => (
                <Text key={p.id}>
                  {formatDate(p.paidOn)} — {formatCents(p.amountCents)} ({PAYMENT_METHOD_LABELS[p.method] ?? p.method})
                  {p.reference ? ` — ${p.reference}` : ''}
                </Text>
              ))
            )}
            {can('payment.write') && i.outstandingCents > 0 && (
              <AmountForm
                label="Montant reçu"
                withMethod
                submitLabel="Enregistrer le paiement"
                onSubmit={async (v) => {
                  await api(`${base}/payments`, {
                    method: 'POST',
                    body: { amountCents: v.amountCents, paidOn: v.paidOn, method: v.method },
                  });
                  notifications.show({
                    color: 'green',
                    closeButtonProps: { 'aria-label': 'Fermer la notification' },
                    message: 'Paiement enregistré.',
                  });
                  refresh();
                }}
              />
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Avoirs
            </Title>
            {i.creditNotes.length === 0 ? (
              <Text c="dimmed">Aucun avoir.</Text>
            ) : (
              i.creditNotes.map((c) => (
                <Text key={c.id}>
                  <Anchor component={Link} to={`../${c.id}`} relative="path">
                    {c.number}
                  </Anchor>{' '}
                  du {formatDate(c.issuedOn)} — {formatCents(c.totalCents)} {c.reason ? `— ${c.reason}` : ''}
                </Text>
              ))
            )}
            {can('invoice.write') && i.outstandingCents > 0 && (
              <>
                <Text size="sm" c="dimmed" mt="xs">
                  Une facture émise ne se modifie jamais : un avoir la corrige.
                </Text>
                <AmountForm
                  label="Montant de l’avoir (TTC)"
                  submitLabel="Émettre l’avoir"
                  withReason
                  confirm={(v) =>
                    `Un avoir de ${formatCents(v.amountCents)} sera émis sur la facture ${i.number} pour ${i.buyer.name}. Il sera numéroté et ne pourra plus être modifié ni supprimé.`
                  }
                  onSubmit={async (v) => {
                    await api(`${base}/credit-notes`, {
                      method: 'POST',
                      body: { amountCents: v.amountCents, reason: v.reason },
                    });
                    notifications.show({
                      color: 'green',
                      closeButtonProps: { 'aria-label': 'Fermer la notification' },
                      message: 'Avoir émis.',
                    });
                    refresh();
                  }}
                />
              </>
            )}
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}

type CloseStatus = {
  month: string;
  status: 'not_started' | 'running' | 'done';
  /** False while the month runs: it cannot be closed, unless the director chooses to. */
  monthEnded: boolean;
  /** Clients a close would invoice now. */
  clientsToInvoice: number;
  planned: number;
  invoiced: number;
  failures: { clientId: string; clientName: string; message: string }[];
  invoices: { id: string; number: string; clientId: string; totalCents: number }[];
};

/** Month close: what is missing, the close with its progress, and the result (done and failed). */
export function MonthClosePage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [f, setF] = useUrlFilters(['month'] as const);
  const month = f.month || previousMonth();
  const [force, setForce] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const status = useQuery({
    queryKey: ['close', orgId, month],
    queryFn: () => api<CloseStatus>(`/api/orgs/${orgId}/months/${month}/close`),
    refetchInterval: running ? 700 : false,
  });
  const sheets = useQuery({
    queryKey: ['timesheets', orgId, month, ''],
    queryFn: () =>
      api<{ items: TimesheetRow[]; total: number; pendingShifts: number }>(
        `/api/orgs/${orgId}/timesheets${qs({ month, limit: 200 })}`,
      ),
  });
  const s = status.data;
  const unvalidated = (sheets.data?.items ?? []).filter((t) => t.status !== 'validated' && !t.closedAt);
  // After a close: hours found late (supplementary timesheets, or shifts not yet in a timesheet) get their own invoice.
  const late = (sheets.data?.items ?? []).filter((t) => !t.closedAt && t.entries > 0).length;
  const lateShifts = sheets.data?.pendingShifts ?? 0;
  const reclose = s?.status === 'done' && (late > 0 || lateShifts > 0);
  const names = new Map((sheets.data?.items ?? []).map((t) => [t.clientId, t.clientName]));
  const early = s ? !s.monthEnded : false;
  const count = s?.clientsToInvoice ?? 0;
  const consequence = `${count} facture${count > 1 ? 's' : ''} ${count > 1 ? 'seront émises' : 'sera émise'} et ne pourr${count > 1 ? 'ont' : 'a'} plus être modifiée${count > 1 ? 's' : ''}${early ? ` alors que ${monthLabel(month)} n’est pas terminé : les interventions d’ici la fin du mois iront sur des factures complémentaires` : ''}.`;
  const close = async () => {
    setRunning(true);
    setError(null);
    try {
      await api(`/api/orgs/${orgId}/months/${month}/close`, {
        method: 'POST',
        body: { ...(force ? { force: true } : {}), ...(early ? { beforeMonthEnd: true } : {}) },
      });
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Fermer la notification' },
        message: `${monthLabel(month)} est clos.`,
      });
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
      qc.invalidateQueries({ queryKey: ['close', orgId, month] });
      qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
      qc.invalidateQueries({ queryKey: ['invoices', orgId] });
    }
  };
  const details =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { timesheetId?: string; clientName: string; status: string; supplementary?: boolean }[])
      : [];
  return (
    <>
      <PageHeader title="Clôture du mois" subtitle="Une facture par client, à partir des relevés d’heures validés." />
      <Select
        label="Mois à clore"
        data={monthOptions()}
        value={month}
        onChange={(x) => setF({ month: x })}
        w={240}
        mb="md"
        allowDeselect={false}
      />
      {status.isPending ? (
        <Loading />
      ) : s?.status === 'done' && !reclose ? (
        <Alert
          color="green"
          title={`${monthLabel(month)} est clos`}
          mb="md"
          // The light green title is 3.8:1 on its background: a darker shade reads at AA.
          styles={{ title: { color: 'var(--mantine-color-green-light-color)' } }}
        >
          {s.invoices.length} facture{s.invoices.length > 1 ? 's' : ''} émise{s.invoices.length > 1 ? 's' : ''}.
          Relancer la clôture ne crée rien de plus.
        </Alert>
      ) : (
        <Card withBorder mb="md">
          <Stack>
            {reclose && (
              <Text>
                {monthLabel(month)} est déjà clos, mais des heures sont arrivées depuis (
                {lateShifts > 0
                  ? `${lateShifts} intervention${lateShifts > 1 ? 's' : ''} pas encore dans un relevé`
                  : `${late} relevé${late > 1 ? 's' : ''} complémentaire${late > 1 ? 's' : ''}`}
                ). Les factures émises ne changent pas : ces heures, une fois validées, feront une facture
                complémentaire.
              </Text>
            )}
            {unvalidated.length > 0 ? (
              <Text>
                {unvalidated.length} relevé{unvalidated.length > 1 ? 's' : ''} non validé
                {unvalidated.length > 1 ? 's' : ''} :{' '}
                {unvalidated.map((t) => `${t.clientName}${t.sequence > 1 ? ' (complémentaire)' : ''}`).join(', ')}.{' '}
                <Anchor component={Link} to={`../releves?month=${month}`} relative="path">
                  Voir les relevés
                </Anchor>
              </Text>
            ) : (
              <Text>Tous les relevés du mois sont validés.</Text>
            )}
            {can('month.force_close') && unvalidated.length > 0 && (
              <Checkbox
                label="Forcer la clôture malgré les relevés non validés"
                checked={force}
                onChange={(e) => setForce(e.currentTarget.checked)}
              />
            )}
            {early && (
              <Text fw={500}>
                {monthLabel(month)} n’est pas terminé : il se clôt à partir du 1er du mois suivant.
                {can('month.close_running')
                  ? ' En tant que direction, vous pouvez le clore dès maintenant.'
                  : ' Seule la direction peut le clore avant.'}
              </Text>
            )}
            {(!early || can('month.close_running')) && (
              <Group>
                <ConfirmButton
                  consequence={consequence}
                  confirmLabel={early ? 'Clore quand même' : 'Émettre les factures'}
                  onConfirm={close}
                  disabled={running || (unvalidated.length > 0 && !force)}
                  color={early ? 'red' : undefined}
                >
                  {reclose
                    ? 'Facturer les heures complémentaires'
                    : early
                      ? `Clore ${monthLabel(month)} avant la fin du mois`
                      : `Clore ${monthLabel(month)}`}
                </ConfirmButton>
              </Group>
            )}
            {(running || s?.status === 'running') && s && s.planned > 0 && (
              <div>
                <Text size="sm" mb={4}>
                  {s.invoiced} / {s.planned} factures
                </Text>
                <Progress value={(100 * s.invoiced) / s.planned} aria-label="Avancement de la clôture" />
              </div>
            )}
          </Stack>
        </Card>
      )}
      {error instanceof ApiError && (
        <Alert color="red" title="Clôture impossible" mb="md" role="alert">
          {error.message}
          {details.length > 0 && (
            <ul>
              {details.map((d) => (
                <li key={d.timesheetId ?? d.clientName}>
                  {d.clientName}
                  {d.supplementary ? ' (relevé complémentaire)' : ''}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {s && s.failures.length > 0 && (
        <Alert color="orange" title="Ce qui n’a pas pu être facturé" mb="md">
          <ul>
            {s.failures.map((x) => (
              <li key={x.clientId}>
                {x.clientName} : {x.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {s && s.invoices.length > 0 && (
        <>
          <Title order={2} size="h4" mb="xs">
            Factures émises
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Numéro</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.invoices.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`../factures/${i.id}`} relative="path">
                      {i.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{names.get(i.clientId) ?? ''}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatCents(i.totalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}

type Aide = {
  year: number;
  etp: number;
  conventionEtp: number | null;
  etpRetained: number;
  amountCents: number;
  capped: boolean;
};
type Certificate = { clientId: string; clientName: string; paidCents: number; minutes: number; generatedAt: string };

/** CSV exports for payroll and the State, the aide au poste estimate, tax certificates. */
export function ExportsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['month', 'year'] as const);
  const month = f.month || previousMonth();
  const year = Number(f.year || currentMonth().slice(0, 4));
  const aide = useQuery({
    queryKey: ['aide', orgId, year],
    queryFn: () => api<Aide>(`/api/orgs/${orgId}/exports/aide-au-poste?year=${year}`),
  });
  const certs = useQuery({
    queryKey: ['certs', orgId, year],
    queryFn: () => api<{ items: Certificate[] }>(`/api/orgs/${orgId}/tax-certificates?year=${year}`),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const years = [0, 1, 2].map((d) => String(Number(currentMonth().slice(0, 4)) - d));
  return (
    <>
      <PageHeader
        title="Exports"
        subtitle="Paie, déclaration mensuelle à l’ASP, aide au poste et attestations fiscales."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Exports du mois
          </Title>
          <Select
            label="Mois"
            data={monthOptions()}
            value={month}
            onChange={(x) => setF({ month: x })}
            w={240}
            mb="sm"
            allowDeselect={false}
          />
          <Group>
            <Button component="a" href={`/api/orgs/${orgId}/exports/payroll?month=${month}`} download>
              Variables de paie (CSV)
            </Button>
            <Button
              component="a"
              variant="default"
              href={`/api/orgs/${orgId}/exports/asp-monthly?month=${month}`}
              download
            >
              Déclaration ASP (CSV)
            </Button>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Aide au poste {year}
          </Title>
          <Select
            label="Année"
            data={years}
            value={String(year)}
            onChange={(x) => setF({ year: x })}
            w={160}
            mb="sm"
            allowDeselect={false}
          />
          {aide.data && (
            <Text>
              {aide.data.etp.toLocaleString('fr-FR')} ETP travaillés
              {aide.data.conventionEtp !== null
                ? ` (convention : ${aide.data.conventionEtp.toLocaleString('fr-FR')} ETP)`
                : ''}{' '}
              → estimation <b>{formatCents(aide.data.amountCents)}</b>
              {aide.data.capped ? ', plafonnée par la convention' : ''}.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder mt="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            Attestations fiscales {year} (particuliers)
          </Title>
          {can('invoice.write') && (
            <Button
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await api(`/api/orgs/${orgId}/tax-certificates/${year}/generate`, { method: 'POST' });
                  notifications.show({
                    color: 'green',
                    closeButtonProps: { 'aria-label': 'Fermer la notification' },
                    message: 'Attestations générées.',
                  });
                  qc.invalidateQueries({ queryKey: ['certs', orgId, year] });
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              Générer toutes les attestations
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          À remettre aux particuliers avant le 31 mars : interventions, heures et sommes effectivement payées.
        </Text>
        <ErrorAlert error={error} />
        {certs.data?.items.length === 0 ? (
          <Empty>Aucune attestation pour {year}.</Empty>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Heures</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Payé</Table.Th>
                <Table.Th>PDF</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {certs.data?.items.map((c) => (
                <Table.Tr key={c.clientId}>
                  <Table.Td>{c.clientName}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatMinutes(c.minutes)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatCents(c.paidCents)}</Table.Td>
                  <Table.Td>
                    <Anchor href={`/api/orgs/${orgId}/tax-certificates/${year}/${c.clientId}/pdf`} download>
                      Télécharger l’attestation de {c.clientName}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
