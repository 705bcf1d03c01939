import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import {
  countOf,
  formatDate,
  formatDelay,
  formatWholeHours as formatHours,
  shortFrenchMonth as monthLabel,
} from '../../shared/format';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import type { StructurePoint } from '../directory/api';
import { useNetworkId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { type NetworkDashboard, useNetworkDashboard } from './api';
import { ChartCard } from './ChartCard';
import { PeriodPicker, usePeriod } from './period';
import { Stat } from './Stat';

// The directory's map (département outlines shipped with Passerelle, no tile server needed).
const MapView = lazy(() => import('../directory/MapView'));

const hoursOf = (v: number) => `${new Intl.NumberFormat('fr-FR').format(v)} h`;

/** The network's dashboard (coordinator): the mobilisation of its AIs for the care homes, in aggregates only. */
export function NetworkDashboardPage() {
  const { period } = usePeriod();
  return (
    <>
      <PageHeader
        title="Tableau de bord du réseau"
        subtitle={`Du ${formatDate(period.from)} au ${formatDate(period.to)}`}
      />
      <PeriodPicker />
      <NetworkDashboardBody />
    </>
  );
}

export function NetworkDashboardBody() {
  const networkId = useNetworkId();
  const { period } = usePeriod();
  const { data: d, error, isPending } = useNetworkDashboard(networkId, period);
  if (isPending) return <Loading />;
  if (error || !d) return <ErrorAlert error={error} title="Tableau de bord indisponible" />;
  const base = `/reseau/${networkId}`;
  return (
    <Stack gap="lg" mt="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat
          label="Besoins reçus"
          value={d.stats.needs}
          hint={`${d.stats.claimed} pris en charge`}
          to={`${base}/besoins?status=all`}
        />
        <Stat label="Délai médian de prise en charge" value={formatDelay(d.stats.medianMinutesToClaim)} />
        <Stat
          label="Besoins à traiter"
          value={d.unrouted + d.overdue}
          hint={`${countOf(d.unrouted, 'non orienté')} · ${d.overdue} en retard`}
          to={`${base}/besoins?status=${d.overdue > 0 ? 'overdue' : 'unrouted'}`}
        />
        <Stat
          label="Heures en EHPAD / médico-social"
          value={formatHours(d.stats.minutesDelivered)}
          hint={`${countOf(d.stats.hiresByClients, 'embauche')} par les clients`}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard
          title="Besoins et heures par mois"
          kind="bar"
          data={d.perMonth.map((m) => ({ mois: monthLabel(m.month), needs: m.needs, claimed: m.claimed }))}
          dataKey="mois"
          keyLabel="Mois"
          series={[
            { name: 'needs', label: 'Besoins reçus', color: 'blue.8' },
            { name: 'claimed', label: 'Pris en charge', color: 'teal.8' },
          ]}
          csvName={`reseau-besoins-${d.from}-${d.to}`}
        />
        <ChartCard
          title="Heures livrées en EHPAD / médico-social par mois"
          kind="line"
          data={d.perMonth.map((m) => ({
            mois: monthLabel(m.month),
            hours: Math.round(m.minutesDelivered / 60),
            hires: m.hiresByClients,
          }))}
          dataKey="mois"
          keyLabel="Mois"
          series={[{ name: 'hours', label: 'Heures', color: 'grape.8' }]}
          unit="h"
          valueFormatter={hoursOf}
          csvName={`reseau-heures-${d.from}-${d.to}`}
        />
        <ChartCard
          title="Par département"
          kind="bar"
          data={d.perDepartement.map((x) => ({
            departement: x.departement,
            needs: x.needsRouted,
            claimed: x.claimed,
            hours: Math.round(x.minutesDelivered / 60),
            hires: x.hiresByClients,
          }))}
          dataKey="departement"
          keyLabel="Département"
          series={[
            { name: 'needs', label: 'Besoins orientés', color: 'blue.8' },
            { name: 'claimed', label: 'Pris en charge', color: 'teal.8' },
            { name: 'hires', label: 'Embauches', color: 'orange' },
          ]}
          csvName={`reseau-departements-${d.from}-${d.to}`}
        />
        <ActivityMap d={d} />
      </SimpleGrid>
      <PerAiTable d={d} />
    </Stack>
  );
}

/** The map of the network's AIs; selecting one shows its figures beside the map. */
function ActivityMap({ d }: { d: NetworkDashboard }) {
  const [selected, setSelected] = useState<string | null>(null);
  const points = useMemo<StructurePoint[]>(
    () =>
      d.perAi.flatMap((a) =>
        a.lat === null || a.lon === null
          ? []
          : [
              {
                id: a.organisationId,
                name: a.name,
                kind: 'AI',
                communeName: null,
                lat: a.lat,
                lon: a.lon,
                distanceKm: null,
              },
            ],
      ),
    [d.perAi],
  );
  const ai = d.perAi.find((a) => a.organisationId === selected);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="network-map-title">
      <Title order={2} size="h4" id="network-map-title" mb="sm">
        Carte de l’activité
      </Title>
      <div style={{ height: 260 }}>
        <Suspense fallback={<Loading label="Chargement de la carte…" />}>
          <MapView points={points} selectedId={selected} onSelect={setSelected} osmTiles={false} />
        </Suspense>
      </div>
      <Text size="sm" mt="xs" aria-live="polite">
        {ai
          ? `${ai.name} : ${countOf(ai.needsRouted, 'besoin orienté', 'besoins orientés')}, ${ai.claimed} pris en charge, ${formatHours(ai.minutesDelivered)} en EHPAD / médico-social, ${countOf(ai.hiresByClients, 'embauche')}.`
          : 'Choisissez une structure sur la carte pour voir ses chiffres (le tableau ci-dessous les donne toutes).'}
      </Text>
    </Card>
  );
}

type PerAi = NetworkDashboard['perAi'][number];
const PER_AI_COLUMNS: DataColumn<PerAi>[] = [
  { key: 'structure', header: 'Structure', cell: (a) => <Text fw={500}>{a.name}</Text>, sortBy: (a) => a.name },
  { key: 'departement', header: 'Département', cell: (a) => a.departement ?? '—', sortBy: (a) => a.departement },
  {
    key: 'besoins',
    header: 'Besoins orientés',
    cell: (a) => a.needsRouted,
    sortBy: (a) => a.needsRouted,
    align: 'right',
  },
  { key: 'pris', header: 'Pris en charge', cell: (a) => a.claimed, sortBy: (a) => a.claimed, align: 'right' },
  {
    key: 'delai',
    header: 'Délai médian',
    cell: (a) => formatDelay(a.medianMinutesToClaim),
    sortBy: (a) => a.medianMinutesToClaim,
    align: 'right',
  },
  {
    key: 'heures',
    header: 'Heures médico-social',
    cell: (a) => formatHours(a.minutesDelivered),
    sortBy: (a) => a.minutesDelivered,
    csv: (a) => Math.round(a.minutesDelivered / 60),
    align: 'right',
  },
  {
    key: 'embauches',
    header: 'Embauches',
    cell: (a) => a.hiresByClients,
    sortBy: (a) => a.hiresByClients,
    align: 'right',
  },
];

function PerAiTable({ d }: { d: NetworkDashboard }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="per-ai-title">
      <Title order={2} size="h4" id="per-ai-title" mb="sm">
        Par structure
      </Title>
      <DataTable
        rows={d.perAi}
        columns={PER_AI_COLUMNS}
        rowKey={(a) => a.organisationId}
        caption="Chiffres du réseau par structure"
        empty="Aucune structure dans le réseau."
        searchText={(a) => `${a.name} ${a.departement ?? ''}`}
        searchLabel="Chercher une structure"
        csvName={`reseau-par-structure-${d.from}-${d.to}`}
      />
    </Card>
  );
}
