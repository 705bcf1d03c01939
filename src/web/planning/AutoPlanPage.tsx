import { Alert, Button, Checkbox, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Plan, planningApi } from '../../shared/planning';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { usePlanningAction } from './model';
import { addDays, longDay, mondayOf, parisClock, parisDay, todayInParis } from './time';

const APPLY_BATCH = 50;

/** A line of the proposal: a shift and the person proposed, or a shift no one can take. */
type PlanRow =
  | (Plan['assignments'][number] & { unfilled?: false })
  | (Plan['unfilled'][number] & { unfilled: true; workerName?: undefined; score?: undefined });

const UNFILLED = 'Personne ne peut le prendre : demandez au réseau.';

/** The shifts taken first, in the planner's order, then those no one can take. */
const planRows = (plan: Plan): PlanRow[] => [
  ...plan.assignments,
  ...plan.unfilled.map((u) => ({ ...u, unfilled: true as const })),
];

const planColumns: DataColumn<PlanRow>[] = [
  {
    key: 'jour',
    header: 'Jour',
    sortBy: (r) => r.start,
    csv: (r) => longDay(parisDay(r.start)),
    cell: (r) => (
      <Text span inherit tt="capitalize">
        {longDay(parisDay(r.start))}
      </Text>
    ),
  },
  {
    key: 'heures',
    header: 'Heures',
    // A shift no one takes shows its start only, as it always did.
    csv: (r) => (r.unfilled ? parisClock(r.start) : `${parisClock(r.start)}–${parisClock(r.end)}`),
    cell: (r) => (r.unfilled ? parisClock(r.start) : `${parisClock(r.start)}–${parisClock(r.end)}`),
  },
  { key: 'client', header: 'Client', sortBy: (r) => r.clientName, cell: (r) => r.clientName },
  { key: 'metier', header: 'Métier', sortBy: (r) => r.romeLabel, cell: (r) => r.romeLabel },
  {
    key: 'personne',
    header: 'Personne proposée',
    sortBy: (r) => r.workerName ?? UNFILLED,
    cell: (r) => r.workerName ?? UNFILLED,
  },
  { key: 'score', header: 'Score', sortBy: (r) => r.score, cell: (r) => r.score },
];

/** Fills the open shifts of a period in one action; the officer reviews the proposal before applying it. */
export function AutoPlanPage() {
  const orgId = useOrgId();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [result, setResult] = useState<{ applied: number; failed: { message: string }[] } | null>(null);
  // Computes a proposal (nothing written): a period the server refuses comes back under its date.
  const form = useApiForm({
    initial: { from: mondayOf(todayInParis()), to: addDays(mondayOf(todayInParis()), 13), includeProposed: false },
    submit: (v) => {
      setResult(null);
      return call(planningApi.autoplan, { params: { orgId }, body: v });
    },
    onSuccess: (p) => setPlan(p),
  });
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
      <form onSubmit={form.onSubmit}>
        <Group align="flex-end" mb="md">
          <TextInput type="date" label="Du" {...form.field('from')} required />
          <TextInput type="date" label="Au" {...form.field('to')} required />
          <Button type="submit" loading={form.busy}>
            Proposer un planning
          </Button>
        </Group>
        <Checkbox
          mb="md"
          label="Inclure les créneaux déjà proposés à quelqu’un qui n’a pas encore répondu"
          description="Par défaut, ces créneaux sont laissés de côté : les personnes sollicitées peuvent encore accepter."
          {...form.checkbox('includeProposed')}
        />
      </form>
      <ErrorAlert error={form.alertError ?? apply.error} />
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
          <DataTable
            rows={planRows(plan)}
            columns={planColumns}
            rowKey={(r) => r.shiftId}
            rowProps={(r) => (r.unfilled ? { style: { background: 'var(--mantine-color-red-0)' } } : {})}
            caption="Affectations proposées"
            empty="Aucun créneau à pourvoir sur cette période."
            pageSize={100}
            csvName="affectations-proposees"
          />
        </Stack>
      )}
    </>
  );
}
