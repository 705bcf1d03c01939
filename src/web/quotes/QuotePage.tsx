import { Anchor, Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatCents, formatDate, formatDateTime, formatMinutes } from '../../shared/format';
import { QUOTE_STATUS_LABELS, type QuoteDetail, quotesApi, SUPPLIER_LABELS } from '../../shared/quotes';
import { call, urlOf } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { Notice } from './Notice';
import { QuoteStatusBadge as StatusBadge } from './QuoteStatusBadge';

type QuoteLine = QuoteDetail['lines'][number];

/** The quote's lines as priced: in their order, not sorted (the total closes them). */
const lineColumns: DataColumn<QuoteLine>[] = [
  { key: 'metier', header: 'Métier', cell: (l) => l.rome },
  { key: 'prestation', header: 'Prestation', cell: (l) => l.label },
  { key: 'duree', header: 'Durée', align: 'right', cell: (l) => formatMinutes(l.minutes) },
  { key: 'taux', header: 'Taux horaire', align: 'right', cell: (l) => formatCents(l.hourlyRateCents) },
  { key: 'montant', header: 'Montant', align: 'right', cell: (l) => formatCents(l.totalCents ?? 0) },
];

/** One quote: lines, terms, history, and the next action (send, record the answer, revise). */
export function QuotePage() {
  const orgId = useOrgId();
  const { quoteId } = useParams();
  const can = useCan();
  const m = useMembership();
  const portal = m.role === 'client_user';
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [link, setLink] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const quote = useQuery({
    queryKey: ['quote', orgId, quoteId],
    queryFn: () => call(quotesApi.get, { params: { orgId, quoteId: quoteId ?? '' } }),
  });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['quote', orgId] });
    qc.invalidateQueries({ queryKey: ['quotes', orgId] });
  };
  if (quote.isPending) return <Loading />;
  if (!quote.data) return <ErrorAlert error={quote.error} />;
  const q = quote.data;
  const open = q.status === 'draft' || q.status === 'sent';
  return (
    <>
      <PageHeader
        title={`Devis ${q.number}${q.revision > 1 ? ` (version ${q.revision})` : ''}`}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge status={q.status} />
            <span>
              {q.clientName} · valable jusqu’au {formatDate(q.validUntil)}
            </span>
          </Group>
        }
        actions={
          <>
            <Button
              component="a"
              href={urlOf(quotesApi.pdf, { params: { orgId, quoteId: q.id } })}
              target="_blank"
              variant="default"
            >
              PDF
            </Button>
            {open && can('quote.write') && (
              <ConfirmButton
                consequence={`Le devis sera envoyé par e-mail à ${q.clientName} avec un lien personnel pour l’accepter ou le refuser.`}
                confirmLabel="Envoyer"
                onConfirm={async () => {
                  const r = await call(quotesApi.send, { params: { orgId, quoteId: q.id }, body: undefined });
                  setLink(r.link);
                  notifications.show({ message: 'Devis envoyé.', color: 'green' });
                  refresh();
                }}
              >
                {q.status === 'sent' ? 'Renvoyer' : 'Envoyer au client'}
              </ConfirmButton>
            )}
            {open && can('quote.accept') && (
              <ConfirmButton
                consequence={
                  portal
                    ? 'En acceptant ce devis, vous signez le contrat de mise à disposition. Votre nom, la date et votre adresse IP seront enregistrés.'
                    : 'Enregistrer l’acceptation du client (devis signé reçu) : le contrat de mise à disposition sera créé.'
                }
                confirmLabel={portal ? 'J’accepte et je signe' : 'Enregistrer l’acceptation'}
                onConfirm={async () => {
                  const r = await call(quotesApi.accept, { params: { orgId, quoteId: q.id }, body: undefined });
                  refresh();
                  navigate(`../../contrats/${r.placementContractId}`, { relative: 'path' });
                }}
              >
                {portal ? 'Accepter le devis' : 'Accepté par le client'}
              </ConfirmButton>
            )}
            {open && can('quote.write') && (
              <Button
                variant="default"
                onClick={async () => {
                  const r = await call(quotesApi.revise, {
                    params: { orgId, quoteId: q.id },
                    body: { validUntil: undefined },
                  });
                  refresh();
                  navigate(`../${r.id}`, { relative: 'path' });
                }}
              >
                Nouvelle version
              </Button>
            )}
          </>
        }
      />
      {link && (
        <Notice color="teal" mb="md" title="Lien envoyé au client">
          <Anchor href={link} target="_blank">
            {link}
          </Anchor>
        </Notice>
      )}
      {q.status === 'expired' && (
        <Notice color="grape" mb="md" title="Devis expiré">
          Il ne peut plus être accepté.{' '}
          {can('quote.write') && 'Faites une nouvelle version avec une nouvelle date de validité.'}
        </Notice>
      )}
      {q.placementContractId && (
        <Notice color="teal" mb="md" title="Accepté">
          Accepté par {q.acceptedBy} le {formatDateTime(q.acceptedAt!)}
          {q.acceptedIp ? ` (adresse IP ${q.acceptedIp})` : ''}.
          <Group mt="xs">
            {/* The next step: the contract, where the workers are named and the mission created. */}
            {/* Its label wraps on a 360 px phone (the client reads it in its portal) instead of overflowing. */}
            <Button
              component={Link}
              to={`../../contrats/${q.placementContractId}`}
              relative="path"
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: 'normal' } }}
            >
              Étape suivante : le contrat de mise à disposition
            </Button>
          </Group>
        </Notice>
      )}
      {q.refusedAt && (
        <Notice color="red" mb="md" title="Refusé">
          Refusé par {q.refusedBy} le {formatDateTime(q.refusedAt)}
          {q.refusalReason ? ` : « ${q.refusalReason} »` : ''}.
        </Notice>
      )}
      <DataTable
        rows={q.lines}
        columns={lineColumns}
        rowKey={(l) => l.id}
        caption="Lignes du devis"
        empty="Aucune ligne."
        striped={false}
        highlightOnHover={false}
        mb="md"
        footer={
          <Table.Tr>
            <Table.Td colSpan={4} fw={700}>
              Total
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {formatCents(q.totalCents)}
            </Table.Td>
          </Table.Tr>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Conditions
          </Title>
          <Text size="sm">
            Période : {q.startDate ? formatDate(q.startDate) : 'à la signature'} →{' '}
            {q.endDate ? formatDate(q.endDate) : '6 mois'}
          </Text>
          {q.tasks && <Text size="sm">Tâches : {q.tasks}</Text>}
          {q.protectiveEquipment && (
            <Text size="sm">
              Équipements : {q.protectiveEquipment}
              {q.equipmentSuppliedBy ? ` (fournis par : ${SUPPLIER_LABELS[q.equipmentSuppliedBy]})` : ''}
            </Text>
          )}
          {q.tenderReference && <Text size="sm">Marché public : {q.tenderReference}</Text>}
          {!portal && q.notes && <Text size="sm">Notes : {q.notes}</Text>}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Versions
          </Title>
          {q.history.map((h) => (
            <Group key={h.id} justify="space-between">
              {h.id === q.id ? (
                <Text size="sm" fw={600}>
                  Version {h.revision} (celle-ci)
                </Text>
              ) : (
                <Anchor size="sm" component={Link} to={`../${h.id}`} relative="path">
                  Version {h.revision}
                </Anchor>
              )}
              <Text size="sm">
                {QUOTE_STATUS_LABELS[h.status]} · {formatCents(h.totalCents)}
              </Text>
            </Group>
          ))}
        </Card>
      </SimpleGrid>
      {open && portal && (
        <Group mt="lg" align="flex-end">
          <TextInput
            label="Motif du refus (facultatif)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={360}
          />
          <ConfirmButton
            variant="default"
            consequence="Le devis sera refusé ; l’association en sera informée."
            confirmLabel="Refuser le devis"
            onConfirm={async () => {
              await call(quotesApi.refuse, { params: { orgId, quoteId: q.id }, body: { reason: reason || null } });
              refresh();
            }}
          >
            Refuser
          </ConfirmButton>
        </Group>
      )}
    </>
  );
}
