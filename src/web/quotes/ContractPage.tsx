import { Anchor, Button, Card, Group, MultiSelect, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatCents, formatDate, formatDateTime } from '../../shared/format';
import { quotesApi, SUPPLIER_LABELS } from '../../shared/quotes';
import { workersApi } from '../../shared/workers';
import { call, urlOf } from '../api';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { CommitmentNumberCard, ContractDocumentsCard } from './ContractPaperwork';
import { Notice } from './Notice';

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
    queryFn: () => call(quotesApi.contract, { params: { orgId, placementContractId: placementContractId ?? '' } }),
  });
  // The workers are chosen from their records (R5132-20 names them), never typed.
  const workerOptions = useQuery({
    queryKey: ['workers', orgId, 'options'],
    enabled: can('placement_contract.write'),
    queryFn: () => call(workersApi.list, { params: { orgId }, query: { status: 'active', limit: 200 } }),
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
              href={urlOf(quotesApi.contractPdf, { params: { orgId, placementContractId: c.id } })}
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
                  await call(quotesApi.sign, { params: { orgId, placementContractId: c.id }, body: undefined });
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
      <CommitmentNumberCard contract={c} />
      <ContractDocumentsCard contract={c} />
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
                  const r = await call(quotesApi.contractWorkers, {
                    params: { orgId, placementContractId: c.id },
                    body: { workerIds: chosen ?? latest.workerIds ?? [] },
                  });
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
