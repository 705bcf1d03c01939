import { Anchor, Button, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { billingApi, type InvoiceDetail, PAYMENT_METHOD_LABELS } from '../../shared/billing';
import { formatCents, formatDate, formatMinutes } from '../../shared/format';
import { call, urlOf } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { monthLabel } from '../timesheets/months';
import { CreditNoteForm } from './CreditNoteForm';
import { InvoiceIndividualPanel } from './InvoiceIndividualPanel';
import { PaymentForm } from './PaymentForm';

function Figure({ label, value, red }: { label: string; value: number; red?: boolean }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={red ? 'red.9' : undefined}>
        {formatCents(value)}
      </Text>
    </Card>
  );
}

type InvoiceLine = InvoiceDetail['lines'][number];
type Payment = InvoiceDetail['payments'][number];
type CreditNote = InvoiceDetail['creditNotes'][number];

/** The lines as invoiced: in their order, never sorted (the totals close them). */
const lineColumns: DataColumn<InvoiceLine>[] = [
  { key: 'designation', header: 'Désignation', cell: (l) => l.label },
  {
    key: 'quantite',
    header: 'Quantité',
    align: 'right',
    cell: (l) => (l.kind === 'travel' || l.kind === 'credit' ? l.count : formatMinutes(l.minutes)),
  },
  { key: 'montant', header: 'Montant', align: 'right', cell: (l) => formatCents(l.totalCents) },
];

/** The invoice's lines, then its totals before tax and its VAT (or the mention that replaces it). */
function InvoiceLines({ i }: { i: InvoiceDetail }) {
  return (
    <DataTable
      rows={i.lines}
      columns={lineColumns}
      rowKey={(l) => String(l.position)}
      caption="Lignes de la facture"
      empty="Aucune ligne."
      highlightOnHover={false}
      mb="md"
      footer={
        <>
          <Table.Tr>
            <Table.Td colSpan={2}>Total HT</Table.Td>
            <Table.Td ta="right">{formatCents(i.netCents)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td colSpan={2}>{i.vatRatePct ? `TVA ${i.vatRatePct} %` : (i.vatMention ?? 'TVA')}</Table.Td>
            <Table.Td ta="right">{formatCents(i.vatCents)}</Table.Td>
          </Table.Tr>
        </>
      }
    />
  );
}

/** Payments in the order received; the means in brackets after the amount, as on the receipt. */
const paymentColumns: DataColumn<Payment>[] = [
  { key: 'date', header: 'Payé le', cell: (p) => formatDate(p.paidOn) },
  {
    key: 'montant',
    header: 'Montant',
    cell: (p) =>
      `${formatCents(p.amountCents)} (${PAYMENT_METHOD_LABELS[p.method]})${p.reference ? ` — ${p.reference}` : ''}`,
  },
];

const creditNoteColumns: DataColumn<CreditNote>[] = [
  {
    key: 'numero',
    header: 'Avoir',
    cell: (c) => (
      <Anchor component={Link} to={`../${c.id}`} relative="path">
        {c.number}
      </Anchor>
    ),
  },
  { key: 'date', header: 'Émis le', cell: (c) => formatDate(c.issuedOn) },
  { key: 'montant', header: 'Montant', align: 'right', cell: (c) => formatCents(c.totalCents) },
  { key: 'motif', header: 'Motif', cell: (c) => c.reason || '—' },
];

/** One invoice: lines, totals, payments and credit notes; the PDF (Factur-X) and the XML. */
export function InvoicePage() {
  const orgId = useOrgId();
  const { invoiceId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['invoice', orgId, invoiceId];
  const params = { orgId, id: invoiceId! };
  const q = useQuery({ queryKey: key, queryFn: () => call(billingApi.invoice, { params }) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const i = q.data!;
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
            <Button component="a" href={urlOf(billingApi.invoicePdf, { params })} download>
              Télécharger le PDF (Factur-X)
            </Button>
            <Button component="a" variant="default" href={urlOf(billingApi.invoiceXml, { params })} download>
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
        <Figure label="Total" value={i.totalCents} />
        {i.kind === 'invoice' && (
          <>
            <Figure label="Réglé" value={i.paidCents} />
            <Figure label="Avoirs" value={i.creditedCents} />
            <Figure label={`Reste dû (échéance ${formatDate(i.dueOn)})`} value={i.outstandingCents} red={i.overdue} />
          </>
        )}
      </SimpleGrid>
      {i.kind === 'invoice' && (
        <InvoiceIndividualPanel invoiceId={i.id} outstandingCents={i.outstandingCents} onChange={refresh} />
      )}
      <Title order={2} size="h4" mb="xs">
        Lignes
      </Title>
      <InvoiceLines i={i} />
      {i.kind === 'invoice' && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Paiements
            </Title>
            <DataTable
              rows={i.payments}
              columns={paymentColumns}
              rowKey={(p) => p.id}
              caption="Paiements reçus"
              empty="Aucun paiement reçu."
              highlightOnHover={false}
            />
            {can('payment.write') && i.outstandingCents > 0 && <PaymentForm invoiceId={i.id} onDone={refresh} />}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Avoirs
            </Title>
            <DataTable
              rows={i.creditNotes}
              columns={creditNoteColumns}
              rowKey={(c) => c.id}
              caption="Avoirs sur cette facture"
              empty="Aucun avoir."
              highlightOnHover={false}
            />
            {can('invoice.write') && i.outstandingCents > 0 && (
              <>
                <Text size="sm" c="dimmed" mt="xs">
                  Une facture émise ne se modifie jamais : un avoir la corrige.
                </Text>
                <CreditNoteForm invoice={{ id: i.id, number: i.number, buyerName: i.buyer.name }} onDone={refresh} />
              </>
            )}
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
