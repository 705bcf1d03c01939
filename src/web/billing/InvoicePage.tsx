import { Anchor, Button, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { billingApi, type InvoiceDetail, PAYMENT_METHOD_LABELS } from '../../shared/billing';
import { formatCents, formatDate, formatMinutes } from '../../shared/format';
import { call, urlOf } from '../api';
import { StackTable } from '../shell/StackTable';
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

/** The invoice's lines, then its totals before tax and its VAT (or the mention that replaces it). */
function InvoiceLines({ i }: { i: InvoiceDetail }) {
  return (
    <StackTable striped mb="md">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Désignation</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Quantité
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Montant
          </Table.Th>
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
  );
}

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
            {i.payments.length === 0 ? (
              <Text c="dimmed">Aucun paiement reçu.</Text>
            ) : (
              i.payments.map((p) => (
                <Text key={p.id}>
                  {formatDate(p.paidOn)} — {formatCents(p.amountCents)} ({PAYMENT_METHOD_LABELS[p.method]})
                  {p.reference ? ` — ${p.reference}` : ''}
                </Text>
              ))
            )}
            {can('payment.write') && i.outstandingCents > 0 && <PaymentForm invoiceId={i.id} onDone={refresh} />}
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
                <CreditNoteForm invoice={{ id: i.id, number: i.number, buyerName: i.buyer.name }} onDone={refresh} />
              </>
            )}
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
