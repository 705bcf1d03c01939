import { Badge, Box, Button, Card, Group, Progress, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatMinutes } from '../../shared/format';
import { EXIT_CATEGORY_LABELS, supportApi } from '../../shared/support';
import { RecordAccessCard } from '../accounts/RecordAccessCard';
import { urlOf } from '../api';
import { ContactPreferencesCard } from '../notifications/ContactPreferencesCard';
import { useCan, useSensitiveAccess } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { SupportFileTab } from '../support/SupportFileTab';
import { ContractsTab } from './ContractsTab';
import { IdentityTab } from './IdentityTab';
import { JobsTab } from './JobsTab';
import { PassTab } from './PassTab';
import { passBadge } from './WorkersListPage';
import { useWorker } from './worker-record';

/** The worker record: identity, jobs & availability, PASS & eligibility, contracts, support file. */
export function WorkerRecordPage() {
  const { orgId, workerId, query } = useWorker();
  const can = useCan();
  const sensitive = useSensitiveAccess();
  const [filters, setFilters] = useUrlFilters(['onglet'] as const);
  const [tab, setTab] = useState(filters.onglet || 'identite');
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} title="Fiche introuvable" />;
  const w = query.data;
  const cap = w.hoursCap;
  return (
    <>
      <PageHeader
        title={`${w.firstName} ${w.lastName}`}
        subtitle={
          <Group gap="xs" component="span">
            {passBadge(w.passDaysLeft, w.passEndDate)}
            {w.exit && (
              <Badge color="gray.7">
                Sorti·e le {formatDate(w.exit.date)} · {EXIT_CATEGORY_LABELS[w.exit.category]}
              </Badge>
            )}
            {w.anonymised && <Badge color="gray.7">Anonymisé·e</Badge>}
          </Group>
        }
        actions={
          <>
            {can('eligibility.write') && !w.exit && (
              <Button component={Link} to="embauche" variant="light">
                Parcours d’embauche
              </Button>
            )}
            {can('worker.export') && sensitive && (
              <>
                <Button
                  component="a"
                  variant="default"
                  href={urlOf(supportApi.exportJson, { params: { orgId, workerId } })}
                >
                  Exporter (JSON)
                </Button>
                <Button
                  component="a"
                  variant="default"
                  href={urlOf(supportApi.exportPdf, { params: { orgId, workerId } })}
                >
                  Exporter (PDF)
                </Button>
              </>
            )}
          </>
        }
      />
      {cap && (
        <Card withBorder mb="md" maw={520} aria-label="Compteur des 480 heures">
          <Text size="sm" fw={600}>
            Heures chez des utilisateurs soumis au plafond : {formatMinutes(cap.countedMinutes)} sur{' '}
            {formatMinutes(cap.capMinutes)}
          </Text>
          <Progress
            value={Math.min(100, (cap.countedMinutes / cap.capMinutes) * 100)}
            color={cap.level === 'reached' ? 'red' : cap.level === 'warning' ? 'orange' : 'blue'}
            mt={6}
            aria-label="Part du plafond de 480 heures utilisée"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {cap.windowStart && cap.windowEnd
              ? `Période de 24 mois du ${formatDate(cap.windowStart)} au ${formatDate(cap.windowEnd)}`
              : 'Aucune mise à disposition comptée pour l’instant'}
            {cap.derogation ? ' · dérogation préfectorale en cours' : ''}
          </Text>
        </Card>
      )}
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v ?? 'identite');
          setFilters({ onglet: v === 'identite' ? null : v });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="identite">Identité</Tabs.Tab>
          <Tabs.Tab value="metiers">Métiers et disponibilités</Tabs.Tab>
          <Tabs.Tab value="pass">PASS IAE et éligibilité</Tabs.Tab>
          <Tabs.Tab value="contrats">Contrats</Tabs.Tab>
          {can('support.read') && <Tabs.Tab value="accompagnement">Accompagnement</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="identite">
          <IdentityTab worker={w} />
          <Box mt="md" maw={760}>
            <RecordAccessCard
              kind="worker"
              recordId={w.id}
              defaultName={`${w.firstName} ${w.lastName}`}
              defaultEmail={w.email}
            />
          </Box>
          <Box mt="md" maw={760}>
            <ContactPreferencesCard workerId={w.id} phone={w.phone ?? null} email={w.email ?? null} />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="metiers">
          <JobsTab worker={w} />
        </Tabs.Panel>
        <Tabs.Panel value="pass">
          <PassTab worker={w} />
        </Tabs.Panel>
        <Tabs.Panel value="contrats">
          <ContractsTab worker={w} />
        </Tabs.Panel>
        {can('support.read') && (
          <Tabs.Panel value="accompagnement">
            <SupportFileTab workerId={workerId} exited={!!w.exit} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
