import { Text, Title } from '@mantine/core';
import { AiDashboardBody } from '../reporting/AiDashboardPage';
import { NetworkDashboardBody } from '../reporting/NetworkDashboardPage';
import { PeriodPicker } from '../reporting/period';
import { ROLE_LABELS, useMembership, useOrgId } from '../shell/session';
import { TodayTiles } from './TodayTiles';

/** The director's home: today's tiles, then the AI dashboard (charts load with this page only). */
export function AiDashboardHome() {
  const m = useMembership();
  const orgId = useOrgId();
  return (
    <>
      <Title order={1} size="h2">
        Bonjour
      </Title>
      <Text c="dimmed" mt={4}>
        {m.name} · {ROLE_LABELS[m.role]}
      </Text>
      <TodayTiles base={`/ai/${orgId}`} />
      <Title order={2} size="h3" mt="xl" mb="sm">
        Activité de la structure
      </Title>
      <PeriodPicker />
      <AiDashboardBody />
    </>
  );
}

/** The coordinator's home: the network dashboard. */
export function NetworkHome() {
  const m = useMembership();
  return (
    <>
      <Title order={1} size="h2">
        Bonjour
      </Title>
      <Text c="dimmed" mt={4}>
        {m.name} · {ROLE_LABELS[m.role]}
      </Text>
      <Title order={2} size="h3" mt="lg" mb="sm">
        Mobilisation du réseau
      </Title>
      <PeriodPicker />
      <NetworkDashboardBody />
    </>
  );
}
