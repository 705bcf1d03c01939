import { Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { HIRE_CONTRACT_LABELS, HIRE_EXIT, type HireDeclaration, hiresApi } from '../../shared/hires';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { addDays, longDay, parisClock, parisDay } from '../planning/time';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { EXIT_LABELS } from './HireDeclarationCard';

export type ShiftsAfter = {
  workerName: string;
  count: number;
  items: { id: string; start: string; end: string; clientName: string; siteName: string }[];
};

/** The confirmation names the exit it records and the shifts it frees (UX.md: nothing irreversible by accident). */
export function ConfirmHire({ d, onClose }: { d: HireDeclaration; onClose: (message?: string) => void }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const form = useApiForm({
    initial: { exitDate: addDays(d.hireDate, -1), note: '' },
    // Frees the shifts the confirmation names (the query below, on the date typed).
    submit: (v): Promise<unknown> =>
      call(hiresApi.confirm, {
        params: { orgId, declarationId: d.id },
        body: { exitDate: v.exitDate, note: v.note || null, freeShifts: (after.data?.count ?? 0) > 0 },
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      qc.invalidateQueries({ queryKey: ['planning', orgId] });
      onClose(`Sortie de ${d.workerName} enregistrée : ${EXIT_LABELS[HIRE_EXIT[d.contractKind].category]}.`);
    },
  });
  const { exitDate } = form.values;
  const after = useQuery({
    queryKey: ['planning', orgId, 'shifts-after', d.workerId, exitDate],
    queryFn: () =>
      call(planningApi.shiftsAfter, { params: { orgId, workerId: d.workerId }, query: { date: exitDate } }),
    enabled: !!exitDate,
    staleTime: 0,
  });
  const n = after.data?.count ?? 0;
  return (
    <Modal opened onClose={() => onClose()} title={`Confirmer l’embauche de ${d.workerName}`} centered size="lg">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack>
          <Text>
            La sortie de {d.workerName} sera enregistrée : {EXIT_LABELS[HIRE_EXIT[d.contractKind].category]} (
            {HIRE_CONTRACT_LABELS[d.contractKind]}), employeur {d.clientName}.
          </Text>
          <TextInput type="date" label="Dernier jour à l’association" {...form.field('exitDate')} required />
          {after.isPending ? (
            <Loading />
          ) : n > 0 ? (
            <>
              <Text fw={500}>
                {n} créneau{n > 1 ? 'x' : ''} {n > 1 ? 'seront libérés' : 'sera libéré'} : {d.workerName} n’y ira pas,{' '}
                {n > 1 ? 'ils redeviennent' : 'il redevient'} à pourvoir.
              </Text>
              <List size="sm" data-testid="shifts-to-free">
                {after.data!.items.map((s) => (
                  <List.Item key={s.id}>
                    {longDay(parisDay(s.start))}, {parisClock(s.start)}–{parisClock(s.end)} · {s.clientName} (
                    {s.siteName})
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Aucun créneau à libérer après cette date.
            </Text>
          )}
          <Textarea label="Note (facultatif)" {...form.field('note')} autosize />
          <ErrorAlert error={form.alertError} title="Sortie non enregistrée" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose()}>
              Annuler
            </Button>
            <Button type="submit" color="teal.9" loading={form.busy} disabled={after.isPending}>
              {n > 0
                ? `Libérer ${n > 1 ? `les ${n} créneaux` : 'le créneau'} et enregistrer la sortie`
                : 'Enregistrer la sortie'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
