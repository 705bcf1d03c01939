import { Box, Button, Card, SimpleGrid, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { addressText, CLIENT_KIND_LABELS, clientsApi } from '../../shared/clients';
import { formatDate } from '../../shared/format';
import { RecordAccessCard } from '../accounts/RecordAccessCard';
import { call } from '../api';
import { ClientIndividualPanel } from '../billing/ClientIndividualPanel';
import { Notice } from '../quotes/Notice';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { ClientDocuments } from './ClientDocuments';
import { ClientForm } from './ClientForm';
import { ContactsPanel } from './ContactsPanel';
import { ExclusionsPanel } from './ExclusionsPanel';
import { SitesPanel } from './SitesPanel';

/** A client's page: identity, legal flags, sites, contacts, "do not send" list, quotes and contracts. */
export function ClientPage() {
  const orgId = useOrgId();
  const { clientId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['client', orgId, clientId];
  const client = useQuery({
    queryKey: key,
    queryFn: () => call(clientsApi.get, { params: { orgId, clientId: clientId ?? '' } }),
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
                await call(clientsApi.update, { params: { orgId, clientId: c.id }, body });
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
