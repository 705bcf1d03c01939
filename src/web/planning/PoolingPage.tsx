import { Alert, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type PoolingRequest, planningApi } from '../../shared/planning';
import { call } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { usePlanningAction } from './model';
import { longDay, parisClock, parisDay } from './time';

/** Regional pooling: other AIs' open shifts (no personal data) and my workers who could take them. */
export function PoolingPage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['planning', orgId, 'pooling-settings'],
    queryFn: () => call(planningApi.poolingSettings, { params: { orgId } }),
  });
  const requests = useQuery({
    queryKey: ['planning', orgId, 'pooling-requests'],
    queryFn: () => call(planningApi.poolingRequests, { params: { orgId } }),
  });
  const toggle = usePlanningAction((o, enabled: boolean) =>
    call(planningApi.setPoolingSettings, { params: { orgId: o }, body: { enabled } }),
  );
  return (
    <>
      <PageHeader
        title="Mutualisation entre AI"
        subtitle="Les AI du réseau qui l’acceptent s’entraident quand elles n’ont personne pour un créneau."
      />
      <ErrorAlert error={requests.error ?? toggle.error} />
      {settings.data && (
        <Switch
          mb="md"
          label="Notre structure participe à la mutualisation du réseau"
          checked={settings.data.enabled}
          disabled={!can('settings.write')}
          onChange={async (e) => {
            await toggle.mutateAsync(e.currentTarget.checked).catch(() => null);
            qc.invalidateQueries({ queryKey: ['planning', orgId] });
          }}
        />
      )}
      {!requests.data ? (
        <Loading />
      ) : !requests.data.consent ? (
        <Alert color="gray">
          Votre structure ne participe pas à la mutualisation : vous ne voyez pas les demandes des autres AI.
        </Alert>
      ) : requests.data.items.length === 0 ? (
        <Empty>Aucune demande en cours dans le réseau.</Empty>
      ) : (
        <Stack>
          {requests.data.items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </Stack>
      )}
    </>
  );
}

function RequestCard({ request: r }: { request: PoolingRequest }) {
  const orgId = useOrgId();
  const [shown, setShown] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ['planning', orgId, 'pooling-candidates', r.id],
    queryFn: () => call(planningApi.poolingCandidates, { params: { orgId, requestId: r.id } }),
    enabled: shown,
  });
  const offer = usePlanningAction((o, workerId: string) =>
    call(planningApi.offerWorker, { params: { orgId: o, requestId: r.id }, body: { workerId } }),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {r.romeLabel} à {r.communeName}
      </Title>
      <Text tt="capitalize">
        {longDay(parisDay(r.start))}, {parisClock(r.start)}–{parisClock(r.end)}
      </Text>
      <Text size="sm" c="dimmed">
        Demandé par {r.organisationName}
      </Text>
      <ErrorAlert error={offer.error} />
      {done ? (
        <Text c="teal.9" role="status">
          {done}
        </Text>
      ) : !shown ? (
        // Its label wraps on a phone instead of ending in « … ».
        <Button
          mt="sm"
          variant="light"
          h="auto"
          mih={36}
          py={6}
          styles={{ label: { whiteSpace: 'normal' } }}
          onClick={() => setShown(true)}
        >
          Voir qui, chez nous, pourrait venir
        </Button>
      ) : candidates.isPending ? (
        <Loading />
      ) : (candidates.data?.items.length ?? 0) === 0 ? (
        <Text mt="sm" c="dimmed">
          Personne de votre équipe n’est disponible.
        </Text>
      ) : (
        <Stack mt="sm" gap="xs">
          {candidates.data!.items.slice(0, 5).map((c) => (
            <Group key={c.workerId} justify="space-between">
              <Text size="sm">
                {c.name} — {c.reasons.slice(0, 2).join(' · ')}
              </Text>
              <Button
                size="xs"
                onClick={async () => {
                  const res = await offer.mutateAsync(c.workerId).catch(() => null);
                  if (res) setDone(`${c.name} a été proposé·e à ${r.organisationName}.`);
                }}
              >
                Proposer {c.name}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
