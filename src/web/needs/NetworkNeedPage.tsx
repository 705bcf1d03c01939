import { Alert, Badge, Box, Button, Card, Checkbox, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { NEED_STATUS_COLORS, NEED_STATUS_LABELS, type NetworkRoute, needsApi, ROUTE_LABELS } from '../../shared/needs';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useCan } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { NeedDetails } from './NeedDetails';

const routeColumns: DataColumn<NetworkRoute>[] = [
  { key: 'structure', header: 'Structure', sortBy: (r) => r.name, cell: (r) => r.name },
  {
    key: 'distance',
    header: 'Distance',
    sortBy: (r) => r.distanceKm,
    cell: (r) => (r.distanceKm !== null ? `${r.distanceKm.toLocaleString('fr-FR')} km` : '—'),
  },
  {
    key: 'prevenue',
    header: 'Prévenue le',
    sortBy: (r) => r.routedAt,
    cell: (r) => formatDateTime(r.routedAt),
  },
  {
    key: 'reponse',
    header: 'Réponse',
    sortBy: (r) => ROUTE_LABELS[r.status],
    cell: (r) => `${ROUTE_LABELS[r.status]}${r.declineReason ? ` : « ${r.declineReason} »` : ''}`,
  },
];

/** One need seen by the coordinator: who received it, who answered, and re-routing to other AIs. */
export function NetworkNeedPage() {
  const { networkId, needId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const params = { networkId: networkId ?? '', needId: needId ?? '' };
  const need = useQuery({
    queryKey: ['network-need', networkId, needId],
    queryFn: () => call(needsApi.networkNeed, { params }),
  });
  const [radius, setRadius] = useState<number | string>('');
  const form = useApiForm({
    initial: { organisationIds: [] as string[] },
    submit: (v) => call(needsApi.reroute, { params, body: v }),
    resetOnSuccess: true,
    onSuccess: (res) => {
      notifications.show({ color: 'green', message: `Besoin réorienté : ${res.notified} structure(s) prévenue(s).` });
      qc.invalidateQueries({ queryKey: ['network-need', networkId, needId] });
      qc.invalidateQueries({ queryKey: ['network-need-candidates', networkId, needId] });
      qc.invalidateQueries({ queryKey: ['network-needs', networkId] });
    },
  });
  const selected = form.values.organisationIds;
  const open = need.data && !need.data.claimedBy;
  const candidates = useQuery({
    queryKey: ['network-need-candidates', networkId, needId, radius],
    queryFn: () =>
      call(needsApi.candidates, { params, query: { radiusKm: radius === '' ? undefined : Number(radius) } }),
    enabled: !!open && can('network.need.route'),
  });

  if (need.isPending) return <Loading />;
  if (need.error) return <ErrorAlert error={need.error} title="Besoin introuvable" />;
  const n = need.data;

  return (
    <>
      <PageHeader
        title={n.establishment.name}
        subtitle={
          <Group gap="xs" component="span">
            <span>
              {n.establishment.address.communeName} · {n.reference}
            </span>
            <Badge color={NEED_STATUS_COLORS[n.status]} variant="dot" component="span">
              {NEED_STATUS_LABELS[n.status]}
            </Badge>
            {n.overdue && (
              <Badge color="red" component="span">
                En retard
              </Badge>
            )}
          </Group>
        }
      />
      {n.claimedBy && (
        <Alert color="blue" mb="md" title={`Pris en charge par ${n.claimedBy.name}`}>
          {n.claimedAt ? `Le ${formatDateTime(n.claimedAt)}.` : ''}
        </Alert>
      )}
      <NeedDetails need={n} />
      <Card withBorder mt="lg">
        <Title order={2} size="h4">
          Structures prévenues
        </Title>
        {n.routedTo.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs">
            Aucune structure ne couvre ce besoin : choisissez-en ci-dessous.
          </Text>
        ) : (
          <Box mt="xs">
            <DataTable
              rows={n.routedTo}
              columns={routeColumns}
              rowKey={(r) => r.organisationId}
              caption="Structures prévenues"
              empty="Aucune structure prévenue."
              striped={false}
              highlightOnHover={false}
            />
          </Box>
        )}
      </Card>
      {open && can('network.need.route') && (
        <Card withBorder mt="lg" component="form" onSubmit={form.onSubmit} noValidate>
          <Title order={2} size="h4">
            Réorienter le besoin
          </Title>
          <Text size="sm" c="dimmed">
            Les structures du réseau dont le territoire couvre la commune et qui proposent ces métiers. Élargissez le
            rayon pour en voir d’autres. Le délai de prise en charge repart à zéro.
          </Text>
          <NumberInput
            label="Élargir le rayon (km)"
            description="Laisser vide : territoire de la convention seulement"
            min={1}
            max={300}
            value={radius}
            onChange={setRadius}
            maw={260}
            mt="sm"
          />
          {candidates.isPending ? (
            <Loading />
          ) : candidates.error ? (
            <ErrorAlert error={candidates.error} />
          ) : candidates.data.items.length === 0 ? (
            <Text size="sm" mt="sm">
              Aucune structure du réseau ne propose ces métiers ici : élargissez le rayon.
            </Text>
          ) : (
            <Checkbox.Group
              value={selected}
              onChange={(ids) => form.set('organisationIds', ids)}
              error={form.errorAt('organisationIds')}
              mt="sm"
            >
              <Stack gap="xs">
                {candidates.data.items.map((c) => (
                  <Checkbox
                    key={c.organisationId}
                    value={c.organisationId}
                    disabled={c.routeStatus !== null && c.routeStatus !== 'declined'}
                    label={`${c.name}${c.distanceKm !== null ? ` — ${c.distanceKm.toLocaleString('fr-FR')} km` : ''}${c.coversTerritory ? '' : ' (hors territoire de convention)'}${c.exactJob ? '' : ' (métier voisin)'}${c.routeStatus ? ` — déjà prévenue (${ROUTE_LABELS[c.routeStatus]})` : ''}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <ErrorAlert error={form.alertError} title="Réorientation impossible" />
          <Group justify="flex-end" mt="md">
            <Button type="submit" disabled={selected.length === 0} loading={form.busy}>
              Orienter vers {selected.length || ''} structure{selected.length > 1 ? 's' : ''}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}
