import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { CDDI_EXTENSIONS, CONTRACT_KINDS, LEVEL_1, LEVEL_2, PASS_EXTENSIONS } from './labels';
import type { Contract, Diagnosis, Pass } from './model';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

function useWorkerMutation<T>(workerId: string, path: string, onDone?: (r: T) => void) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<T>(`/api/orgs/${orgId}/workers/${workerId}${path}`, { method: 'POST', body }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      onDone?.(r);
    },
  });
}

const fieldErrors = (e: unknown) => (e instanceof ApiError ? e.fieldErrors : {});

/** Eligibility diagnosis: criteria of level 1 and 2, author, date, evidence. */
export function DiagnosisForm({ workerId, onDone }: { workerId: string; onDone?: (d: Diagnosis) => void }) {
  const [author, setAuthor] = useState<'ai' | 'prescriber'>('ai');
  const [prescriberName, setPrescriberName] = useState('');
  const [madeOn, setMadeOn] = useState(today());
  const [criteria, setCriteria] = useState<string[]>([]);
  const [evidence, setEvidence] = useState('');
  const save = useWorkerMutation<Diagnosis>(workerId, '/diagnoses', onDone);
  const errors = fieldErrors(save.error);
  const level1 = criteria.filter((c) => c in LEVEL_1).length;
  const level2 = criteria.filter((c) => c in LEVEL_2).length;
  const eligible = level1 >= 1 || level2 >= 2;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      author,
      prescriberName: author === 'prescriber' ? prescriberName : undefined,
      madeOn,
      criteria,
      evidence: evidence || undefined,
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <ErrorAlert error={save.error} title="Diagnostic non enregistré" />
        <Radio.Group
          label="Diagnostic réalisé par"
          value={author}
          onChange={(v) => setAuthor(v as 'ai' | 'prescriber')}
        >
          <Group mt="xs">
            <Radio value="ai" label="La structure (valable 92 jours)" />
            <Radio value="prescriber" label="Un prescripteur habilité (valable 6 mois)" />
          </Group>
        </Radio.Group>
        {author === 'prescriber' && (
          <TextInput
            label="Prescripteur"
            value={prescriberName}
            onChange={(e) => setPrescriberName(e.currentTarget.value)}
            placeholder="ex. France Travail Créteil"
          />
        )}
        <TextInput
          type="date"
          label="Date du diagnostic"
          value={madeOn}
          onChange={(e) => setMadeOn(e.currentTarget.value)}
          error={errors.madeOn}
          required
        />
        <Checkbox.Group
          label="Critères de niveau 1 (un seul suffit)"
          value={criteria}
          onChange={setCriteria}
          error={errors.criteria}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {Object.entries(LEVEL_1).map(([k, l]) => (
              <Checkbox key={k} value={k} label={l} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label="Critères de niveau 2 (deux sont nécessaires)" value={criteria} onChange={setCriteria}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {Object.entries(LEVEL_2).map(([k, l]) => (
              <Checkbox key={k} value={k} label={l} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="sm" fw={600} role="status">
          {eligible
            ? 'La personne est éligible à l’IAE en association intermédiaire.'
            : 'Pas encore éligible : il faut un critère de niveau 1 ou deux critères de niveau 2.'}
        </Text>
        <Textarea
          label="Justificatifs conservés"
          description="Pour les contrôles de l’État : nature et nom des pièces (attestation CAF, relevé France Travail…)"
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={criteria.length === 0}>
            Enregistrer le diagnostic
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new PASS IAE: number and start; the end is computed (start + 730 days − 1). */
export function PassForm({ workerId, onDone }: { workerId: string; onDone?: (p: Pass) => void }) {
  const [number, setNumber] = useState('');
  const [startDate, setStartDate] = useState(today());
  const save = useWorkerMutation<Pass>(workerId, '/passes', onDone);
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ number: number.trim(), startDate });
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="PASS IAE non enregistré" />
        <TextInput
          label="Numéro du PASS IAE"
          description="12 caractères, tel qu’indiqué sur Les emplois de l’inclusion"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value.toUpperCase())}
          error={errors.number ?? errors['pass.number']}
          required
          maxLength={14}
        />
        <TextInput
          type="date"
          label="Début de validité"
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          error={errors.startDate}
          required
        />
        <Text size="sm" c="dimmed">
          La fin est calculée : 2 ans (début + 730 jours − 1), repoussée par les suspensions et les prolongations.
        </Text>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer le PASS IAE
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SuspensionForm({
  workerId,
  passId,
  onDone,
}: {
  workerId: string;
  passId: string;
  onDone?: () => void;
}) {
  const [startDate, setStartDate] = useState(today());
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const save = useWorkerMutation<Pass>(workerId, `/passes/${passId}/suspensions`, () => onDone?.());
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ startDate, endDate, reason });
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="Suspension non enregistrée" />
        <Group grow>
          <TextInput
            type="date"
            label="Début de la suspension"
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={errors.startDate}
            required
          />
          <TextInput
            type="date"
            label="Fin de la suspension"
            value={endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
            error={errors.endDate}
            required
          />
        </Group>
        <TextInput
          label="Motif"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          placeholder="ex. arrêt maladie, incarcération, formation"
          required
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Suspendre le PASS
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ExtensionForm({ workerId, pass, onDone }: { workerId: string; pass: Pass; onDone?: () => void }) {
  const [reason, setReason] = useState<string | null>('rqth');
  const [months, setMonths] = useState<number>(12);
  const [evidence, setEvidence] = useState('');
  const save = useWorkerMutation<Pass>(workerId, `/passes/${pass.id}/extensions`, () => onDone?.());
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ reason, months, evidence: evidence || undefined });
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="Prolongation refusée" />
        <Select
          label="Motif de la prolongation"
          data={Object.entries(PASS_EXTENSIONS).map(([value, label]) => ({
            value,
            label: `${label} (reste ${pass.extensionMonthsLeft[value] ?? 0} mois)`,
          }))}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          allowDeselect={false}
        />
        <NumberInput
          label="Durée (mois)"
          min={1}
          max={reason === 'cdi_inclusion_57' ? 120 : 12}
          value={months}
          onChange={(v) => setMonths(Number(v) || 12)}
          error={errors.months}
        />
        <TextInput
          label="Justificatif"
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          placeholder="ex. notification MDPH"
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Prolonger le PASS
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

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
  const [kind, setKind] = useState<string | null>('cddi');
  const [startDate, setStartDate] = useState(defaultStart ?? today());
  const [endDate, setEndDate] = useState('');
  const [hours, setHours] = useState<number>(20);
  const [extensionReason, setExtensionReason] = useState<string | null>(null);
  const save = useWorkerMutation<Contract>(workerId, '/contracts', onDone);
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          kind,
          startDate,
          endDate: kind === 'cdi_inclusion' ? undefined : endDate || undefined,
          weeklyMinutes: Math.round(hours * 60),
          extensionReason: kind === 'cddi' && extensionReason ? extensionReason : undefined,
        });
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="Contrat non enregistré" />
        <Select
          label="Type de contrat"
          data={Object.entries(CONTRACT_KINDS).map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          error={errors.kind}
        />
        <Group grow>
          <TextInput
            type="date"
            label="Début du contrat"
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={errors.startDate}
            required
          />
          {kind !== 'cdi_inclusion' && (
            <TextInput
              type="date"
              label="Fin du contrat"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={errors.endDate}
              required
            />
          )}
        </Group>
        <NumberInput
          label="Heures par semaine"
          description="Peut être inférieur à 24 h"
          min={1}
          max={48}
          step={0.5}
          decimalSeparator=","
          value={hours}
          onChange={(v) => setHours(Number(v) || 0)}
          error={errors.weeklyMinutes}
        />
        {kind === 'cddi' && (
          <Select
            label="Cas de prolongation au-delà de 24 mois (s’il y a lieu)"
            data={Object.entries(CDDI_EXTENSIONS).map(([value, label]) => ({ value, label }))}
            value={extensionReason}
            onChange={setExtensionReason}
            clearable
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Créer le contrat
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
