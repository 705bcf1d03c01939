import { Alert, Button, Checkbox, Group, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Plan, planningApi } from '../../shared/planning';
import { call } from '../api';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { usePlanningAction } from './model';
import { addDays, longDay, mondayOf, parisClock, parisDay, todayInParis } from './time';

const APPLY_BATCH = 50;

/** Fills the open shifts of a period in one action; the officer reviews the proposal before applying it. */
export function AutoPlanPage() {
  const [from, setFrom] = useState(mondayOf(todayInParis()));
  const [to, setTo] = useState(addDays(mondayOf(todayInParis()), 13));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [includeProposed, setIncludeProposed] = useState(false);
  const [result, setResult] = useState<{ applied: number; failed: { message: string }[] } | null>(null);
  const run = usePlanningAction((o) =>
    call(planningApi.autoplan, { params: { orgId: o }, body: { from, to, includeProposed } }),
  );
  const [done, setDone] = useState(0);
  // Sent in batches so that the officer sees the progress of a large plan (each assignment is checked again).
  const apply = usePlanningAction(async (o) => {
    const all = plan!.assignments.map((a) => ({ shiftId: a.shiftId, workerId: a.workerId }));
    const total = { applied: 0, failed: [] as { message: string }[] };
    setDone(0);
    for (let i = 0; i < all.length; i += APPLY_BATCH) {
      const r = await call(planningApi.applyPlan, {
        params: { orgId: o },
        body: { assignments: all.slice(i, i + APPLY_BATCH) },
      });
      total.applied += r.applied;
      total.failed.push(...r.failed);
      setDone(Math.min(all.length, i + APPLY_BATCH));
    }
    return total;
  });
  return (
    <>
      <PageHeader
        title="Planification automatique"
        subtitle="Passerelle propose qui prend chaque créneau à pourvoir, sans jamais enfreindre une règle ; vous validez."
      />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setResult(null);
          const p = await run.mutateAsync().catch(() => null);
          if (p) setPlan(p);
        }}
      >
        <Group align="flex-end" mb="md">
          <TextInput type="date" label="Du" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
          <TextInput type="date" label="Au" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
          <Button type="submit" loading={run.isPending}>
            Proposer un planning
          </Button>
        </Group>
        <Checkbox
          mb="md"
          label="Inclure les créneaux déjà proposés à quelqu’un qui n’a pas encore répondu"
          description="Par défaut, ces créneaux sont laissés de côté : les personnes sollicitées peuvent encore accepter."
          checked={includeProposed}
          onChange={(e) => setIncludeProposed(e.currentTarget.checked)}
        />
      </form>
      <ErrorAlert error={run.error ?? apply.error} />
      {result && (
        <Alert color={result.failed.length ? 'orange' : 'teal'} role="status" mb="md">
          {result.applied} créneau{result.applied > 1 ? 'x' : ''} attribué{result.applied > 1 ? 's' : ''}.
          {result.failed.map((f) => (
            <Text key={f.message} size="sm">
              {f.message}
            </Text>
          ))}
        </Alert>
      )}
      {plan && (
        <Stack>
          <Text>
            {plan.covered} créneau{plan.covered > 1 ? 'x' : ''} pourvu{plan.covered > 1 ? 's' : ''} sur{' '}
            {plan.openShifts} (calcul en {plan.ms} ms).
          </Text>
          {(plan.leftAlone?.length ?? 0) > 0 && (
            <Alert color="violet" title="Créneaux laissés de côté" data-testid="left-alone">
              {plan.leftAlone!.length} créneau{plan.leftAlone!.length > 1 ? 'x' : ''} déjà proposé
              {plan.leftAlone!.length > 1 ? 's' : ''} à quelqu’un, sans réponse pour l’instant :{' '}
              {plan
                .leftAlone!.map((s) => `${longDay(parisDay(s.start))} ${parisClock(s.start)} (${s.clientName})`)
                .join(', ')}
              .
            </Alert>
          )}
          {plan.assignments.length > 0 && !result && (
            <Group>
              <Button
                loading={apply.isPending}
                onClick={async () => {
                  const r = await apply.mutateAsync().catch(() => null);
                  if (r) {
                    setResult(r);
                    setPlan(null);
                  }
                }}
              >
                Appliquer ces {plan.assignments.length} affectations
              </Button>
              {apply.isPending && (
                <Progress
                  value={(100 * done) / plan.assignments.length}
                  w={240}
                  aria-label={`Affectations appliquées : ${done} sur ${plan.assignments.length}`}
                />
              )}
            </Group>
          )}
          <Table striped aria-label="Affectations proposées">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Jour</Table.Th>
                <Table.Th>Heures</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Métier</Table.Th>
                <Table.Th>Personne proposée</Table.Th>
                <Table.Th>Score</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.assignments.slice(0, 500).map((a) => (
                <Table.Tr key={a.shiftId}>
                  <Table.Td tt="capitalize">{longDay(parisDay(a.start))}</Table.Td>
                  <Table.Td>
                    {parisClock(a.start)}–{parisClock(a.end)}
                  </Table.Td>
                  <Table.Td>{a.clientName}</Table.Td>
                  <Table.Td>{a.romeLabel}</Table.Td>
                  <Table.Td>{a.workerName}</Table.Td>
                  <Table.Td>{a.score}</Table.Td>
                </Table.Tr>
              ))}
              {plan.unfilled.map((u) => (
                <Table.Tr key={u.shiftId} style={{ background: 'var(--mantine-color-red-0)' }}>
                  <Table.Td tt="capitalize">{longDay(parisDay(u.start))}</Table.Td>
                  <Table.Td>{parisClock(u.start)}</Table.Td>
                  <Table.Td>{u.clientName}</Table.Td>
                  <Table.Td>{u.romeLabel}</Table.Td>
                  <Table.Td colSpan={2}>Personne ne peut le prendre : demandez au réseau.</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </>
  );
}
