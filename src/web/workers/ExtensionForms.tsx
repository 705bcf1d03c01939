import { Button, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  PASS_EXTENSION_CHOICES,
  PASS_EXTENSIONS_NEEDING_PRESCRIBER,
  type Pass,
  type PassExtensionReason,
  workersApi,
} from '../../shared/workers';
import { call } from '../api';
import { ErrorAlert } from '../shell/ui';
import { today, useWorkerForm } from './use-worker-form';

/** A prolongation of the PASS IAE; the reasons that need the prescriber's decision wait for it. */
export function ExtensionForm({ workerId, pass, onDone }: { workerId: string; pass: Pass; onDone?: () => void }) {
  const form = useWorkerForm(workerId, {
    initial: { reason: 'rqth' as string | null, months: 12, evidence: '' },
    send: (params, v) =>
      call(workersApi.extendPass, {
        params: { ...params, passId: pass.id },
        body: { reason: v.reason as PassExtensionReason, months: v.months, evidence: v.evidence || undefined },
      }),
    onDone: () => onDone?.(),
  });
  const { reason } = form.values;
  const needsPrescriber = !!reason && PASS_EXTENSIONS_NEEDING_PRESCRIBER.includes(reason);
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="Prolongation refusée" />
        <Select
          label="Motif de la prolongation"
          data={Object.entries(PASS_EXTENSION_CHOICES).map(([value, label]) => ({
            value,
            label: `${label} (reste ${pass.extensionMonthsLeft[value] ?? 0} mois)`,
          }))}
          {...form.field('reason')}
          allowDeselect={false}
        />
        <NumberInput
          label="Durée (mois)"
          min={1}
          max={reason === 'cdi_inclusion_57' ? 120 : 12}
          value={form.values.months}
          onChange={(v) => form.set('months', Number(v) || 12)}
          error={form.errorAt('months')}
        />
        <TextInput label="Justificatif" {...form.field('evidence')} placeholder="ex. notification MDPH" />
        {needsPrescriber && (
          <Text size="sm" c="dimmed">
            Ce motif suppose l’avis du prescripteur habilité : la prolongation reste en attente et ne compte qu’une fois
            sa décision enregistrée.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={form.busy}>
            {needsPrescriber ? 'Demander la prolongation' : 'Prolonger le PASS'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The authorised prescriber's decision on a pending prolongation: granted, it moves the PASS's end. */
export function ExtensionDecisionForm({
  workerId,
  passId,
  extensionId,
  onDone,
}: {
  workerId: string;
  passId: string;
  extensionId: string;
  onDone?: () => void;
}) {
  const form = useWorkerForm(workerId, {
    initial: { decision: 'granted' as 'granted' | 'refused', decidedOn: today(), decidedBy: '', note: '' },
    send: (params, v) =>
      call(workersApi.decideExtension, {
        params: { ...params, passId, extensionId },
        body: { decision: v.decision, decidedOn: v.decidedOn, decidedBy: v.decidedBy, note: v.note || undefined },
      }),
    onDone: () => onDone?.(),
  });
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="Décision non enregistrée" />
        <Radio.Group
          label="Décision du prescripteur"
          value={form.values.decision}
          onChange={(v) => form.set('decision', v as 'granted' | 'refused')}
        >
          <Group mt="xs">
            <Radio value="granted" label="Accordée" />
            <Radio value="refused" label="Refusée" />
          </Group>
        </Radio.Group>
        <TextInput type="date" label="Date de la décision" {...form.field('decidedOn')} required />
        <TextInput
          label="Prescripteur habilité"
          {...form.field('decidedBy')}
          placeholder="ex. France Travail Créteil"
          required
        />
        <TextInput label="Commentaire" {...form.field('note')} />
        <Group>
          <Button type="submit" loading={form.busy}>
            Enregistrer la décision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
