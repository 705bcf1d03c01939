import { Alert, Anchor, Card, Checkbox, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { billingApi, type CloseStatus, type UnvalidatedTimesheet } from '../../shared/billing';
import { countOf, formatCents } from '../../shared/format';
import { timesheetsApi } from '../../shared/timesheets';
import { ApiError, call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { monthLabel, monthOptions, previousMonth } from '../timesheets/months';
import { notifyDone } from './notify';

type IssuedInvoice = CloseStatus['invoices'][number] & { clientName: string };

const invoiceColumns: DataColumn<IssuedInvoice>[] = [
  {
    key: 'numero',
    header: 'Numéro',
    sortBy: (i) => i.number,
    cell: (i) => (
      <Anchor component={Link} to={`../factures/${i.id}`} relative="path">
        {i.number}
      </Anchor>
    ),
  },
  { key: 'client', header: 'Client', sortBy: (i) => i.clientName, cell: (i) => i.clientName },
  {
    key: 'montant',
    header: 'Montant',
    align: 'right',
    sortBy: (i) => i.totalCents,
    csv: (i) => formatCents(i.totalCents),
    cell: (i) => formatCents(i.totalCents),
  },
];

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
    queryFn: () => call(billingApi.closeStatus, { params: { orgId, month } }),
    refetchInterval: running ? 700 : false,
  });
  const sheets = useQuery({
    queryKey: ['timesheets', orgId, month, ''],
    queryFn: () => call(timesheetsApi.list, { params: { orgId }, query: { month, limit: 200 } }),
  });
  const s = status.data;
  const items = sheets.data?.items ?? [];
  const unvalidated = items.filter((t) => t.status !== 'validated' && !t.closedAt);
  // After a close: hours found late (supplementary timesheets, or shifts not yet in a timesheet) get their own invoice.
  const late = items.filter((t) => !t.closedAt && t.entries > 0).length;
  const lateShifts = sheets.data?.pendingShifts ?? 0;
  const reclose = s?.status === 'done' && (late > 0 || lateShifts > 0);
  const names = new Map(items.map((t) => [t.clientId, t.clientName]));
  const early = s ? !s.monthEnded : false;
  const count = s?.clientsToInvoice ?? 0;
  const consequence = `${countOf(count, 'facture sera émise et ne pourra plus être modifiée', 'factures seront émises et ne pourront plus être modifiées')}${early ? ` alors que ${monthLabel(month)} n’est pas terminé : les interventions d’ici la fin du mois iront sur des factures complémentaires` : ''}.`;
  const close = async () => {
    setRunning(true);
    setError(null);
    try {
      await call(billingApi.close, {
        params: { orgId, month },
        body: { ...(force ? { force: true } : {}), ...(early ? { beforeMonthEnd: true } : {}) },
      });
      notifyDone(`${monthLabel(month)} est clos.`);
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
      qc.invalidateQueries({ queryKey: ['close', orgId, month] });
      qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
      qc.invalidateQueries({ queryKey: ['invoices', orgId] });
    }
  };
  // 422 timesheets_not_validated names the timesheets in its details.
  const details: UnvalidatedTimesheet[] =
    error instanceof ApiError && Array.isArray(error.details) ? error.details : [];
  const timesheetsLink = (
    <Anchor component={Link} to={`../releves?month=${month}`} relative="path">
      Voir les relevés
    </Anchor>
  );
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
      {status.isPending || sheets.isPending ? (
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
                  ? `${countOf(lateShifts, 'intervention')} pas encore dans un relevé`
                  : countOf(late, 'relevé complémentaire', 'relevés complémentaires')}
                ). Les factures émises ne changent pas : ces heures, une fois validées, feront une facture
                complémentaire.
              </Text>
            )}
            {unvalidated.length > 0 ? (
              <Text>
                {countOf(unvalidated.length, 'relevé non validé', 'relevés non validés')} :{' '}
                {unvalidated.map((t) => `${t.clientName}${t.sequence > 1 ? ' (complémentaire)' : ''}`).join(', ')}.{' '}
                {timesheetsLink}
              </Text>
            ) : items.length === 0 ? (
              // Nothing prepared yet: not "all validated".
              <Text>
                Aucun relevé d’heures n’a encore été préparé pour {monthLabel(month)}
                {lateShifts > 0
                  ? ` : ${countOf(lateShifts, 'intervention du planning attend d’être mise', 'interventions du planning attendent d’être mises')} dans un relevé`
                  : ''}
                . {timesheetsLink}
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
          <DataTable
            rows={s.invoices.map((i) => ({ ...i, clientName: names.get(i.clientId) ?? '' }))}
            columns={invoiceColumns}
            rowKey={(i) => i.id}
            caption={`Factures émises pour ${monthLabel(month)}`}
            empty="Aucune facture."
            highlightOnHover={false}
          />
        </>
      )}
    </>
  );
}
