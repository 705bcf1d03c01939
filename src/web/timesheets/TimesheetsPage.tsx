import { Anchor, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { countOf, formatDate, formatMinutes, frenchMonth } from '../../shared/format';
import {
  TIMESHEET_STATUSES,
  type TimesheetRow,
  TimesheetStatusFilter,
  TO_VALIDATE_FILTER,
  timesheetStatusLabel,
  timesheetsApi,
} from '../../shared/timesheets';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { currentMonth, monthOptions, OPEN_TIMESHEETS } from './months';
import { StatusBadge, supplementLabel } from './TimesheetStatusBadge';

/** The columns, the status sorted and exported in the reader's words (a client's differ from the office's). */
const columnsFor = (forClient: boolean): DataColumn<TimesheetRow>[] => [
  {
    key: 'client',
    header: 'Client',
    sortBy: (t) => t.clientName,
    cell: (t) => (
      <>
        <Anchor component={Link} to={t.id}>
          {t.clientName}
          {supplementLabel(t.sequence)}
        </Anchor>
        {t.status === 'disputed' && t.disputeReason && (
          <Text size="xs" c="red.9">
            {t.disputeReason}
          </Text>
        )}
      </>
    ),
  },
  {
    key: 'statut',
    header: 'Statut',
    sortBy: (t) => (t.closedAt ? 'Facturé' : timesheetStatusLabel(t.status, forClient)),
    cell: (t) => <StatusBadge status={t.status} closed={Boolean(t.closedAt)} />,
  },
  {
    key: 'mois',
    header: 'Mois',
    sortBy: (t) => t.month,
    csv: (t) => t.month,
    cell: (t) => frenchMonth(t.month),
  },
  { key: 'interventions', header: 'Interventions', align: 'right', sortBy: (t) => t.entries, cell: (t) => t.entries },
  {
    key: 'heures',
    header: 'Heures',
    align: 'right',
    sortBy: (t) => t.minutes,
    csv: (t) => formatMinutes(t.minutes),
    cell: (t) => formatMinutes(t.minutes),
  },
  {
    key: 'envoi',
    header: 'Envoyé le',
    sortBy: (t) => t.sentAt,
    csv: (t) => (t.sentAt ? formatDate(t.sentAt) : ''),
    cell: (t) => (t.sentAt ? formatDate(t.sentAt) : '—'),
  },
];

/**
 * Timesheets of a month, or those still to handle in every month, what needs attention first (disputed, to
 * send, waiting). A client lands on what it has to validate, whatever the month; the office on the month.
 */
export function TimesheetsPage() {
  const orgId = useOrgId();
  const portal = useMembership().role === 'client_user';
  const [f, setF] = useUrlFilters(['month', 'status'] as const);
  const month = f.month || (portal ? OPEN_TIMESHEETS : currentMonth());
  const open = month === OPEN_TIMESHEETS;
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['timesheets', orgId, month, f.status],
    queryFn: () =>
      call(timesheetsApi.list, {
        params: { orgId },
        query: {
          month: open ? undefined : month,
          status: TimesheetStatusFilter.safeParse(f.status).data,
          limit: 200,
        },
      }),
  });
  const openLabel = portal ? 'À valider, tous les mois' : 'À traiter, tous les mois';
  const [preparing, setPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<unknown>(null);
  const prepare = async () => {
    setPreparing(true);
    setPrepareError(null);
    try {
      const r = await call(timesheetsApi.prepare, { params: { orgId }, body: { month } });
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Fermer la notification' },
        message:
          `Relevés à jour : ${countOf(r.added, 'intervention')} ajoutée${r.added > 1 ? 's' : ''}, ${r.removed} retirée${r.removed > 1 ? 's' : ''}.` +
          (r.supplementaryCreated
            ? ` ${countOf(r.supplementaryCreated, 'relevé complémentaire', 'relevés complémentaires')} (heures arrivées après validation).`
            : ''),
      });
      qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
    } catch (e) {
      setPrepareError(e);
    } finally {
      setPreparing(false);
    }
  };
  const pending = list.data?.pendingShifts ?? 0;
  return (
    <>
      <PageHeader
        title={portal ? 'Relevés d’heures à valider' : 'Relevés d’heures'}
        subtitle={
          portal
            ? 'Vérifiez les heures effectuées chez vous, puis validez-les ou signalez une erreur.'
            : open
              ? 'Les relevés qui attendent encore, de tous les mois : à envoyer, en attente du client, contestés.'
              : 'Les heures du mois par client : corrigez, envoyez au client, suivez les validations.'
        }
      />
      <Group mb="md">
        <Select
          label="Mois"
          data={[{ value: OPEN_TIMESHEETS, label: openLabel }, ...monthOptions()]}
          value={month}
          onChange={(x) => setF({ month: x })}
          w={220}
          allowDeselect={false}
        />
        <Select
          label="Statut"
          placeholder="Tous"
          clearable
          data={[
            // The office home's tile « à faire valider » lands here: to send, or waiting for the client.
            ...(portal ? [] : [{ value: TO_VALIDATE_FILTER, label: 'À faire valider' }]),
            ...TIMESHEET_STATUSES.map((value) => ({ value, label: timesheetStatusLabel(value, portal) })),
          ]}
          value={f.status || null}
          onChange={(x) => setF({ status: x })}
          w={220}
        />
      </Group>
      {!portal && !open && can('timesheet.manage') && (
        <Group mb="md" align="center">
          <Button variant={pending > 0 ? 'filled' : 'default'} loading={preparing} onClick={prepare}>
            Préparer les relevés du mois
          </Button>
          <Text size="sm" role="status">
            {pending > 0
              ? `${countOf(pending, 'intervention')} du planning ${pending > 1 ? 'ne sont' : 'n’est'} pas encore dans les relevés.`
              : 'Les relevés suivent le planning. Les interventions ajoutées après une validation vont dans un relevé complémentaire.'}
          </Text>
        </Group>
      )}
      {!portal && open && pending > 0 && (
        <Text size="sm" role="status" mb="md">
          {`${countOf(pending, 'intervention')} terminée${pending > 1 ? 's ne sont' : ' n’est'} pas encore dans les relevés : choisissez son mois pour préparer les relevés.`}
        </Text>
      )}
      <ErrorAlert error={list.error ?? prepareError} />
      {list.isPending ? (
        <Loading />
      ) : (
        <DataTable
          rows={list.data?.items ?? []}
          columns={columnsFor(portal).filter((c) => open || c.key !== 'mois')}
          rowKey={(t) => t.id}
          caption={
            open
              ? `Relevés d’heures ${openLabel.toLowerCase()}`
              : `Relevés d’heures de ${monthOptions(24).find((x) => x.value === month)?.label ?? month}`
          }
          empty={
            open
              ? portal
                ? 'Aucun relevé à valider : vous êtes à jour.'
                : 'Aucun relevé à traiter : tous sont validés ou facturés.'
              : 'Aucun relevé pour ce mois.'
          }
          csvName={`releves-${month}`}
        />
      )}
    </>
  );
}
