import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import {
  CDDI_EXTENSION_CHOICES,
  type CddiExtensionReason,
  CONTRACT_KIND_LABELS,
  type Contract,
  type EmploymentContractKind,
  workersApi,
} from '../../shared/workers';
import { call } from '../api';
import { ErrorAlert } from '../shell/ui';
import { today, useWorkerForm } from './use-worker-form';

/** A new employment contract; a broken rule comes back as a sentence naming it. */
export function ContractForm({
  workerId,
  onDone,
  defaultStart,
}: {
  workerId: string;
  onDone?: (c: Contract) => void;
  defaultStart?: string;
}) {
  const form = useWorkerForm(workerId, {
    initial: {
      kind: 'cddi' as string | null,
      startDate: defaultStart ?? today(),
      endDate: '',
      hours: 20,
      extensionReason: null as string | null,
      extensionDecisionOn: '',
    },
    send: (params, v) =>
      call(workersApi.createContract, {
        params,
        body: {
          kind: v.kind as EmploymentContractKind,
          startDate: v.startDate,
          endDate: v.kind === 'cdi_inclusion' ? undefined : v.endDate || undefined,
          weeklyMinutes: Math.round(v.hours * 60),
          extensionReason:
            v.kind === 'cddi' && v.extensionReason ? (v.extensionReason as CddiExtensionReason) : undefined,
          extensionDecisionOn:
            v.kind === 'cddi' && v.extensionReason && v.extensionDecisionOn ? v.extensionDecisionOn : undefined,
        },
      }),
    onDone,
  });
  const { kind, extensionReason } = form.values;
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="Contrat non enregistré" />
        <Select
          label="Type de contrat"
          data={Object.entries(CONTRACT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          {...form.field('kind')}
          allowDeselect={false}
        />
        <Group grow>
          <TextInput type="date" label="Début du contrat" {...form.field('startDate')} required />
          {kind !== 'cdi_inclusion' && (
            <TextInput type="date" label="Fin du contrat" {...form.field('endDate')} required />
          )}
        </Group>
        <NumberInput
          label="Heures par semaine"
          description="Peut être inférieur à 24 h"
          min={1}
          max={48}
          step={0.5}
          decimalSeparator=","
          value={form.values.hours}
          onChange={(v) => form.set('hours', Number(v) || 0)}
          error={form.errorAt('weeklyMinutes')}
        />
        {kind === 'cddi' && (
          <Select
            label="Cas de prolongation au-delà de 24 mois (s’il y a lieu)"
            data={Object.entries(CDDI_EXTENSION_CHOICES).map(([value, label]) => ({ value, label }))}
            {...form.field('extensionReason')}
            clearable
          />
        )}
        {kind === 'cddi' && (extensionReason === 'senior_50' || extensionReason === 'rqth') && (
          <TextInput
            type="date"
            label="Date de la décision de France Travail"
            {...form.field('extensionDecisionOn')}
            required
          />
        )}
        <Group>
          <Button type="submit" loading={form.busy}>
            Créer le contrat
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
