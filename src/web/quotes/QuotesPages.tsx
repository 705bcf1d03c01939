import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, qs } from '../api';
import { CLIENT_KIND_LABELS, CLIENT_KIND_OPTIONS } from '../clients/labels';
import { JobSelect } from '../directory/Filters';
import { formatCents, formatDate, formatDateTime, formatMinutes } from '../format';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ConfirmButton, Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import {
  type Contract,
  type ContractDetail,
  QUOTE_STATUS_COLORS,
  QUOTE_STATUS_LABELS,
  type Quote,
  type QuoteDetail,
  SUPPLIER_LABELS,
} from './labels';
import { Notice } from './Notice';

export const StatusBadge = ({ status }: { status: string }) => (
  <Badge color={QUOTE_STATUS_COLORS[status]} variant="outline">
    {QUOTE_STATUS_LABELS[status] ?? status}
  </Badge>
);

const STATUS_OPTIONS = ['draft', 'sent', 'accepted', 'refused', 'expired', 'superseded'].map((s) => ({
  value: s,
  label: QUOTE_STATUS_LABELS[s],
}));

/** Quotes, newest first, filtered by status in the URL. In the portal: the client's own. */
export function QuotesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const m = useMembership();
  const portal = m.role === 'client_user';
  const [f, setF] = useUrlFilters(['status'] as const);
  const list = useQuery({
    queryKey: ['quotes', orgId, f.status],
    queryFn: () =>
      api<{ items: Quote[]; total: number }>(`/api/orgs/${orgId}/quotes${qs({ status: f.status, limit: 200 })}`),
  });
  return (
    <>
      <PageHeader
        title={portal ? 'Mes devis' : 'Devis'}
        subtitle={portal ? 'Les propositions de l’association : lisez-les, acceptez-les ou refusez-les.' : undefined}
        actions={
          can('quote.write') && (
            <Button component={Link} to="nouveau">
              Nouveau devis
            </Button>
          )
        }
      />
      <Select
        label="Statut"
        placeholder="Tous (versions à jour)"
        clearable
        data={STATUS_OPTIONS}
        value={f.status || null}
        onChange={(x) => setF({ status: x })}
        w={240}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <Empty>Aucun devis.</Empty>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              {!portal && <Table.Th>Client</Table.Th>}
              <Table.Th>Statut</Table.Th>
              <Table.Th>Valable jusqu’au</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>
                  <Anchor component={Link} to={q.id}>
                    {q.number}
                    {q.revision > 1 ? ` (version ${q.revision})` : ''}
                  </Anchor>
                </Table.Td>
                {!portal && <Table.Td>{q.clientName}</Table.Td>}
                <Table.Td>
                  <StatusBadge status={q.status} />
                </Table.Td>
                <Table.Td>{formatDate(q.validUntil)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(q.totalCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

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
    queryFn: () => api<QuoteDetail>(`/api/orgs/${orgId}/quotes/${quoteId}`),
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
            <Button component="a" href={`/api/orgs/${orgId}/quotes/${q.id}/pdf`} target="_blank" variant="default">
              PDF
            </Button>
            {open && can('quote.write') && (
              <ConfirmButton
                consequence={`Le devis sera envoyé par e-mail à ${q.clientName} avec un lien personnel pour l’accepter ou le refuser.`}
                confirmLabel="Envoyer"
                onConfirm={async () => {
                  const r = await api<{ link: string }>(`/api/orgs/${orgId}/quotes/${q.id}/send`, { method: 'POST' });
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
                  const r = await api<{ placementContractId: string }>(`/api/orgs/${orgId}/quotes/${q.id}/accept`, {
                    method: 'POST',
                  });
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
                  const r = await api<{ id: string }>(`/api/orgs/${orgId}/quotes/${q.id}/revise`, {
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
            <Button component={Link} to={`../../contrats/${q.placementContractId}`} relative="path">
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
      <Table mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Métier</Table.Th>
            <Table.Th>Prestation</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Durée</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Taux horaire</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.rome}</Table.Td>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatMinutes(l.minutes)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatCents(l.hourlyRateCents)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatCents(l.totalCents ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={4} fw={700}>
              Total
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} fw={700}>
              {formatCents(q.totalCents)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
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
              await api(`/api/orgs/${orgId}/quotes/${q.id}/refuse`, { body: { reason: reason || null } });
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

/** Contracts and amendments; in the portal, the client's own, the unsigned first. */
export function ContractsPage() {
  const orgId = useOrgId();
  const portal = useMembership().role === 'client_user';
  const list = useQuery({
    queryKey: ['placement-contracts', orgId],
    queryFn: () =>
      api<{ items: Contract[]; total: number }>(`/api/orgs/${orgId}/placement-contracts${qs({ limit: 200 })}`),
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(!!a.signedAt) - Number(!!b.signedAt));
  return (
    <>
      <PageHeader
        title={portal ? 'Mes contrats' : 'Contrats de mise à disposition'}
        subtitle="Un contrat par devis accepté ; un avenant quand les personnes mises à disposition changent."
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>Aucun contrat.</Empty>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              {!portal && <Table.Th>Client</Table.Th>}
              <Table.Th>Salarié·es</Table.Th>
              <Table.Th>Fin</Table.Th>
              <Table.Th>Signature</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={c.id}>
                    {c.number}
                  </Anchor>
                  {c.amendsId && (
                    <Badge ml="xs" size="sm" variant="outline" color="blue.9">
                      Avenant
                    </Badge>
                  )}
                </Table.Td>
                {!portal && <Table.Td>{c.clientName}</Table.Td>}
                <Table.Td>{c.workerNames.join(', ') || '—'}</Table.Td>
                <Table.Td>{formatDate(c.endDate)}</Table.Td>
                <Table.Td>
                  {c.signedAt ? (
                    <Text size="sm">Signé le {formatDate(c.signedAt)}</Text>
                  ) : (
                    <Badge color="red.9" variant="outline">
                      À signer
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** One contract or amendment: its R5132-20 mentions, versions, the PDF, signing, naming the workers. */
export function ContractPage() {
  const orgId = useOrgId();
  const { placementContractId } = useParams();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const contract = useQuery({
    queryKey: ['placement-contract', orgId, placementContractId],
    queryFn: () => api<ContractDetail>(`/api/orgs/${orgId}/placement-contracts/${placementContractId}`),
  });
  // The workers are chosen from their records (R5132-20 names them), never typed.
  const workerOptions = useQuery({
    queryKey: ['workers', orgId, 'options'],
    enabled: can('placement_contract.write'),
    queryFn: () =>
      api<{ items: { id: string; firstName: string; lastName: string; communeName: string | null }[] }>(
        `/api/orgs/${orgId}/workers${qs({ status: 'active', limit: 200 })}`,
      ),
  });
  if (contract.isPending) return <Loading />;
  if (!contract.data) return <ErrorAlert error={contract.error} />;
  const c = contract.data;
  const latest = c.versions[c.versions.length - 1];
  const refresh = () => qc.invalidateQueries({ queryKey: ['placement-contract', orgId] });
  return (
    <>
      <PageHeader
        title={`${c.amendsId ? 'Avenant' : 'Contrat de mise à disposition'} ${c.number}`}
        subtitle={`${c.clientName} · du ${formatDate(c.startDate)} au ${formatDate(c.endDate)}`}
        actions={
          <>
            <Button
              component="a"
              href={`/api/orgs/${orgId}/placement-contracts/${c.id}/pdf`}
              target="_blank"
              variant="default"
            >
              Télécharger le PDF
            </Button>
            {c.signedAt && c.status === 'active' && can('mission.write') && (
              <Button component={Link} to={`../../planning/missions/nouvelle?contrat=${c.id}`} relative="path">
                Créer une mission
              </Button>
            )}
            {!portal && can('mission.read') && (
              <Button component={Link} to={`../../planning/missions?contrat=${c.id}`} relative="path" variant="default">
                Missions du contrat
              </Button>
            )}
            {!c.signedAt && portal && (
              <ConfirmButton
                consequence="Vous signez ce document en ligne : votre nom, la date et votre adresse IP sont enregistrés."
                confirmLabel="Je signe"
                onConfirm={async () => {
                  await api(`/api/orgs/${orgId}/placement-contracts/${c.id}/sign`, { method: 'POST' });
                  refresh();
                }}
              >
                Signer
              </ConfirmButton>
            )}
          </>
        }
      />
      {c.signedAt ? (
        <Notice color="teal" mb="md" title="Signé">
          Signé en ligne par {c.signedBy} le {formatDateTime(c.signedAt)}
          {c.signedIp ? ` (adresse IP ${c.signedIp})` : ''}.
        </Notice>
      ) : (
        <Notice color="grape" mb="md" title="En attente de la signature du client" />
      )}
      <Card withBorder mb="md">
        <Title order={2} size="h4" mb="xs">
          Mentions du contrat (article R5132-20)
        </Title>
        <Text>
          <b>Salarié·es mis·es à disposition :</b> {c.workerNames.join(', ') || 'à désigner par avenant'}
        </Text>
        <Text>
          <b>Tâches :</b> {c.tasks}
        </Text>
        <Text>
          <b>Lieu :</b>{' '}
          {c.site
            ? `${c.site.name}, ${[c.site.addressLine, c.site.postalCode, c.site.communeName].filter(Boolean).join(' ')}`
            : '—'}
        </Text>
        <Text>
          <b>Fin de la mise à disposition :</b> {formatDate(c.endDate)}
        </Text>
        {c.equivalentPayCents !== null && (
          <Text>
            <b>Salaire horaire d’un salarié équivalent :</b> {formatCents(c.equivalentPayCents)}
          </Text>
        )}
        <Text>
          <b>Équipements de protection :</b> {c.protectiveEquipment || 'aucun'}
          {c.equipmentSuppliedBy ? ` (fournis par : ${SUPPLIER_LABELS[c.equipmentSuppliedBy]})` : ''}
        </Text>
        {c.amendmentReason && (
          <Text>
            <b>Objet de l’avenant :</b> {c.amendmentReason}
          </Text>
        )}
      </Card>
      <Card withBorder mb="md">
        <Title order={2} size="h4" mb="xs">
          Contrat et avenants
        </Title>
        {c.versions.map((v) => (
          <Group key={v.id} justify="space-between">
            {v.id === c.id ? (
              <Text size="sm" fw={600}>
                {v.number} (celui-ci)
              </Text>
            ) : (
              <Anchor size="sm" component={Link} to={`../${v.id}`} relative="path">
                {v.number}
              </Anchor>
            )}
            <Text size="sm">
              {v.workerNames.join(', ') || '—'} · {v.signedAt ? `signé le ${formatDate(v.signedAt)}` : 'à signer'}
            </Text>
          </Group>
        ))}
      </Card>
      {can('placement_contract.write') && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Personnes mises à disposition
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Un changement de noms crée un avenant, à signer par le client.
          </Text>
          <ErrorAlert error={error} />
          <Group align="flex-end">
            <MultiSelect
              label="Salarié·es mis·es à disposition"
              placeholder="Chercher une personne par son nom"
              searchable
              nothingFoundMessage="Aucune personne de ce nom"
              data={(workerOptions.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.firstName} ${w.lastName}${w.communeName ? ` (${w.communeName})` : ''}`,
              }))}
              value={
                chosen ??
                (latest.workerIds?.length
                  ? latest.workerIds
                  : (workerOptions.data?.items ?? [])
                      .filter((w) => latest.workerNames.includes(`${w.firstName} ${w.lastName}`))
                      .map((w) => w.id))
              }
              onChange={setChosen}
              w={{ base: '100%', sm: 480 }}
            />
            <Button
              onClick={async () => {
                setError(null);
                try {
                  const r = await api<{ placementContractId: string; created: boolean }>(
                    `/api/orgs/${orgId}/placement-contracts/${c.id}/workers`,
                    {
                      body: { workerIds: chosen ?? latest.workerIds ?? [] },
                    },
                  );
                  notifications.show({ message: r.created ? 'Avenant créé.' : 'Aucun changement.', color: 'green' });
                  setChosen(null);
                  refresh();
                  if (r.created) navigate(`../${r.placementContractId}`, { relative: 'path' });
                } catch (e) {
                  setError(e);
                }
              }}
            >
              Enregistrer
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}

type Rate = {
  id: string;
  rome: string | null;
  romeLabel: string | null;
  clientKind: string | null;
  hourlyRateCents: number;
  nightSurchargePct: number;
  sundaySurchargePct: number;
  holidaySurchargePct: number;
  travelFeeCents: number;
  minimumBilledMinutes: number;
  effectiveFrom: string;
  effectiveTo: string | null;
};

/** Rates per job and client kind, with their history; a new rate closes the previous one. */
export function RatesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [f, setF] = useUrlFilters(['history'] as const);
  const today = new Date().toISOString().slice(0, 10);
  const list = useQuery({
    queryKey: ['rates', orgId, f.history],
    queryFn: () =>
      api<{ items: Rate[] }>(`/api/orgs/${orgId}/rates${qs({ on: f.history ? undefined : today, limit: 200 })}`),
  });
  const blank = {
    rome: '',
    clientKind: '',
    rate: '' as number | string,
    night: 25 as number | string,
    sunday: 50 as number | string,
    holiday: 100 as number | string,
    travel: 0 as number | string,
    minimum: 0 as number | string,
    effectiveFrom: today,
  };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setError(null);
    try {
      await api(`/api/orgs/${orgId}/rates`, {
        body: {
          rome: v.rome || null,
          clientKind: v.clientKind || null,
          hourlyRateCents: v.rate === '' ? undefined : Math.round(Number(v.rate) * 100),
          nightSurchargePct: Number(v.night),
          sundaySurchargePct: Number(v.sunday),
          holidaySurchargePct: Number(v.holiday),
          travelFeeCents: Math.round(Number(v.travel) * 100),
          minimumBilledMinutes: Math.round(Number(v.minimum) * 60),
          effectiveFrom: v.effectiveFrom,
        },
      });
      setV(blank);
      qc.invalidateQueries({ queryKey: ['rates', orgId] });
      notifications.show({ message: 'Tarif enregistré.', color: 'green' });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(err);
    }
  };
  return (
    <>
      <PageHeader
        title="Tarifs"
        subtitle="Taux horaire par métier et type de client, majorations de nuit (21 h – 6 h), dimanche et jours fériés"
      />
      <Select
        label="Afficher"
        data={[
          { value: '', label: 'Les tarifs en vigueur' },
          { value: '1', label: 'Tout l’historique' },
        ]}
        value={f.history}
        onChange={(x) => setF({ history: x })}
        allowDeselect={false}
        w={240}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <Table striped mb="lg">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Métier</Table.Th>
              <Table.Th>Type de client</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Taux horaire</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Nuit / dim. / férié</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Déplacement</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Minimum</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.rome ? `${r.romeLabel ?? ''} (${r.rome})` : 'Tous les métiers'}</Table.Td>
                <Table.Td>{r.clientKind ? CLIENT_KIND_LABELS[r.clientKind] : 'Tous'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(r.hourlyRateCents)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {r.nightSurchargePct} % / {r.sundaySurchargePct} % / {r.holidaySurchargePct} %
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(r.travelFeeCents)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {r.minimumBilledMinutes ? formatMinutes(r.minimumBilledMinutes) : '—'}
                </Table.Td>
                <Table.Td>
                  du {formatDate(r.effectiveFrom)}
                  {r.effectiveTo ? ` au ${formatDate(r.effectiveTo)}` : ''}
                </Table.Td>
                <Table.Td>
                  {can('rate.write') && r.effectiveFrom > today && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={async () => {
                        await api(`/api/orgs/${orgId}/rates/${r.id}`, { method: 'DELETE' });
                        qc.invalidateQueries({ queryKey: ['rates', orgId] });
                      }}
                    >
                      Supprimer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('rate.write') && (
        <form onSubmit={submit} noValidate>
          <Title order={2} size="h4" mb="xs">
            Nouveau tarif
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Le tarif en vigueur pour le même métier et le même type de client s’arrête la veille : les heures déjà
            faites gardent leur prix.
          </Text>
          <ErrorAlert error={error} />
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <JobSelect
                label="Métier (vide : tous)"
                value={v.rome}
                onChange={(rome) => setV({ ...v, rome })}
                error={errors.rome}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                label="Type de client (vide : tous)"
                clearable
                data={CLIENT_KIND_OPTIONS}
                value={v.clientKind || null}
                onChange={(x) => setV({ ...v, clientKind: x ?? '' })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <NumberInput
                label="Taux horaire (€)"
                required
                decimalSeparator=","
                decimalScale={2}
                value={v.rate}
                onChange={(x) => setV({ ...v, rate: x })}
                error={errors.hourlyRateCents}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                type="date"
                label="À partir du"
                required
                value={v.effectiveFrom}
                onChange={(e) => setV({ ...v, effectiveFrom: e.currentTarget.value })}
                error={errors.effectiveFrom}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Nuit (%)"
                value={v.night}
                onChange={(x) => setV({ ...v, night: x })}
                error={errors.nightSurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Dimanche (%)"
                value={v.sunday}
                onChange={(x) => setV({ ...v, sunday: x })}
                error={errors.sundaySurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Jour férié (%)"
                value={v.holiday}
                onChange={(x) => setV({ ...v, holiday: x })}
                error={errors.holidaySurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Déplacement (€)"
                decimalSeparator=","
                decimalScale={2}
                value={v.travel}
                onChange={(x) => setV({ ...v, travel: x })}
                error={errors.travelFeeCents}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Minimum facturé (h)"
                decimalSeparator=","
                decimalScale={2}
                value={v.minimum}
                onChange={(x) => setV({ ...v, minimum: x })}
                error={errors.minimumBilledMinutes}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Button type="submit">Enregistrer le tarif</Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </>
  );
}

type PublicQuote = {
  number: string;
  revision: number;
  status: string;
  organisation: { name: string; phone: string | null; email: string | null };
  clientName: string;
  validUntil: string;
  tenderReference: string | null;
  totalCents: number;
  startDate: string | null;
  endDate: string | null;
  tasks: string | null;
  siteName: string | null;
  protectiveEquipment: string | null;
  lines: { id: string; label: string; minutes: number; hourlyRateCents: number; totalCents: number }[];
  acceptedAt: string | null;
  acceptedBy: string | null;
  refusedAt: string | null;
};

/** The page the client's private link opens: read, accept (signing the contract) or refuse. Works on a phone. */
export function PublicQuotePage() {
  const { token } = useParams();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const key = ['public-quote', token];
  const quote = useQuery({
    queryKey: key,
    queryFn: () => api<PublicQuote>(`/api/public/quotes/${token}`),
    retry: false,
  });
  if (quote.isPending) return <Loading />;
  if (!quote.data) {
    return (
      <Stack maw={640} mx="auto" p="md">
        <Title order={1} size="h2">
          Devis introuvable
        </Title>
        <Text>
          Ce lien n’est plus valable : une version plus récente vous a peut-être été envoyée. Contactez l’association.
        </Text>
      </Stack>
    );
  }
  const q = quote.data;
  const answer = async (kind: 'accept' | 'refuse') => {
    setErrors({});
    setError(null);
    try {
      await api(`/api/public/quotes/${token}/${kind}`, {
        body: kind === 'accept' ? { name, consent: consent || undefined } : { name, reason: reason || null },
      });
      qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fieldErrors);
      setError(e);
    }
  };
  const open = q.status === 'draft' || q.status === 'sent';
  return (
    <Stack maw={720} mx="auto" p="md">
      <Text c="dimmed">{q.organisation.name}</Text>
      <Title order={1} size="h2">
        Devis {q.number}
        {q.revision > 1 ? ` (version ${q.revision})` : ''}
      </Title>
      <Text>
        Pour {q.clientName} · valable jusqu’au {formatDate(q.validUntil)}
      </Text>
      {q.acceptedAt && (
        <Notice color="teal" title="Devis accepté">
          Accepté par {q.acceptedBy} le {formatDateTime(q.acceptedAt)}. Le contrat de mise à disposition est signé ;
          l’association vous contactera pour organiser les interventions.
        </Notice>
      )}
      {q.refusedAt && (
        <Notice color="gray" title="Devis refusé">
          Vous avez refusé ce devis le {formatDate(q.refusedAt)}.
        </Notice>
      )}
      {q.status === 'expired' && (
        <Notice color="grape" title="Devis expiré">
          Ce devis n’est plus valable. Demandez une nouvelle version à {q.organisation.name}
          {q.organisation.phone ? ` (${q.organisation.phone})` : ''}.
        </Notice>
      )}
      <Table>
        <Table.Tbody>
          {q.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {formatMinutes(l.minutes)} × {formatCents(l.hourlyRateCents)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatCents(l.totalCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2} fw={700}>
              Total
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} fw={700}>
              {formatCents(q.totalCents)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {q.siteName && <Text size="sm">Lieu : {q.siteName}</Text>}
      {q.tasks && <Text size="sm">Tâches : {q.tasks}</Text>}
      {q.protectiveEquipment && <Text size="sm">Équipements : {q.protectiveEquipment}</Text>}
      <Anchor href={`/api/public/quotes/${token}/pdf`} target="_blank">
        Télécharger le devis (PDF)
      </Anchor>
      {open && (
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">
              Votre réponse
            </Title>
            <ErrorAlert error={error} />
            <TextInput
              label="Vos nom et prénom"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
              <span>J’accepte ce devis et je signe le contrat de mise à disposition qui en découle.</span>
            </label>
            {errors.consent && (
              <Text c="red" size="sm">
                {errors.consent}
              </Text>
            )}
            <Group>
              <Button onClick={() => answer('accept')}>Accepter le devis</Button>
            </Group>
            <Textarea
              label="Motif si vous refusez (facultatif)"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button variant="default" onClick={() => answer('refuse')}>
                Refuser le devis
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
