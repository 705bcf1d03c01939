import { Anchor, Button, Card, Group, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { billingApi, type TaxCertificate } from '../../shared/billing';
import { formatCents, formatMinutes } from '../../shared/format';
import { payrollApi } from '../../shared/payroll';
import { call, urlOf } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { currentMonth, monthOptions, previousMonth } from '../timesheets/months';
import { notifyDone } from './notify';

const certificateColumns = (orgId: string): DataColumn<TaxCertificate>[] => [
  { key: 'client', header: 'Client', sortBy: (c) => c.clientName, cell: (c) => c.clientName },
  {
    key: 'heures',
    header: 'Heures',
    align: 'right',
    sortBy: (c) => c.minutes,
    csv: (c) => formatMinutes(c.minutes),
    cell: (c) => formatMinutes(c.minutes),
  },
  {
    key: 'paye',
    header: 'Payé',
    align: 'right',
    sortBy: (c) => c.paidCents,
    csv: (c) => formatCents(c.paidCents),
    cell: (c) => formatCents(c.paidCents),
  },
  {
    key: 'pdf',
    header: 'PDF',
    cell: (c) => (
      <Anchor
        href={urlOf(billingApi.taxCertificatePdf, { params: { orgId, year: c.year, clientId: c.clientId } })}
        download
      >
        Télécharger l’attestation de {c.clientName}
      </Anchor>
    ),
  },
];

/** CSV exports for payroll and the State, the aide au poste estimate, tax certificates. */
export function ExportsPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [f, setF] = useUrlFilters(['month', 'year'] as const);
  const month = f.month || previousMonth();
  const year = Number(f.year || currentMonth().slice(0, 4));
  const aide = useQuery({
    queryKey: ['aide', orgId, year],
    queryFn: () => call(payrollApi.aideAuPoste, { params: { orgId }, query: { year } }),
  });
  const certsKey = ['certs', orgId, year];
  const certs = useQuery({
    queryKey: certsKey,
    queryFn: () => call(billingApi.taxCertificates, { params: { orgId }, query: { year } }),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const years = [0, 1, 2].map((d) => String(Number(currentMonth().slice(0, 4)) - d));
  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(billingApi.generateTaxCertificates, { params: { orgId, year } });
      // The list is read again before saying it is done: what the page shows is what was generated.
      await qc.refetchQueries({ queryKey: certsKey, exact: true });
      notifyDone('Attestations générées.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const monthQuery = { params: { orgId }, query: { month } };
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
            <Button component="a" href={urlOf(payrollApi.payrollCsv, monthQuery)} download>
              Variables de paie (CSV)
            </Button>
            <Button component="a" variant="default" href={urlOf(payrollApi.aspMonthlyCsv, monthQuery)} download>
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
            <Button loading={busy} onClick={generate}>
              Générer toutes les attestations
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          À remettre aux particuliers avant le 31 mars : interventions, heures et sommes effectivement payées.
        </Text>
        <ErrorAlert error={error} />
        {certs.isPending ? (
          <Loading />
        ) : (
          <DataTable
            rows={certs.data?.items ?? []}
            columns={certificateColumns(orgId)}
            rowKey={(c) => c.clientId}
            caption={`Attestations fiscales ${year}`}
            empty={`Aucune attestation pour ${year}.`}
            searchText={(c) => c.clientName}
            searchLabel="Rechercher un client"
            csvName={`attestations-fiscales-${year}`}
          />
        )}
      </Card>
    </>
  );
}
