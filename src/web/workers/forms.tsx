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
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import {
  CDDI_EXTENSIONS,
  CONTRACT_KINDS,
  CURRENT_SUSPENSION_REASONS,
  LEVEL_1,
  LEVEL_2,
  PASS_EXTENSIONS,
  PASS_EXTENSIONS_NEEDING_PRESCRIBER,
  SUSPENSION_REASONS,
} from './labels';
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
  // An authorised prescriber's diagnosis makes the person eligible by itself: criteria are optional then.
  const byPrescriber = author === 'prescriber';
  const eligible = byPrescriber || level1 >= 1 || level2 >= 2;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      author,
      prescriberName: byPrescriber ? prescriberName : undefined,
      madeOn,
      criteria: criteria.length > 0 || !byPrescriber ? criteria : undefined,
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
        {byPrescriber && (
          <Text size="sm" c="dimmed">
            Le diagnostic d’un prescripteur habilité suffit : cocher les critères est facultatif.
          </Text>
        )}
        <Checkbox.Group
          label={byPrescriber ? 'Critères de niveau 1 (facultatif)' : 'Critères de niveau 1 (un seul suffit)'}
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
        <Checkbox.Group
          label={byPrescriber ? 'Critères de niveau 2 (facultatif)' : 'Critères de niveau 2 (deux sont nécessaires)'}
          value={criteria}
          onChange={setCriteria}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {Object.entries(LEVEL_2).map(([k, l]) => (
              <Checkbox key={k} value={k} label={l} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="sm" fw={600} role="status">
          {byPrescriber
            ? 'Le diagnostic du prescripteur habilité rend la personne éligible à l’IAE.'
            : eligible
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
          <Button type="submit" loading={save.isPending} disabled={!byPrescriber && criteria.length === 0}>
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
  const save = useWorkerMutation<Pass>(workerId, '/passes', (p) => {
    // The waiting period lifted by an authorised prescriber's diagnosis: recorded, with a warning to read.
    if (p.warning)
      notifications.show({
        color: 'orange',
        autoClose: false,
        closeButtonProps: { 'aria-label': 'Fermer la notification' },
        message: p.warning,
      });
    onDone?.(p);
  });
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
  const [reason, setReason] = useState<string | null>(null);
  const [explanation, setExplanation] = useState('');
  const save = useWorkerMutation<Pass>(workerId, `/passes/${passId}/suspensions`, () => onDone?.());
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ startDate, endDate, reason, explanation: explanation || undefined });
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
        <Select
          label="Motif (liste des emplois de l’inclusion)"
          data={CURRENT_SUSPENSION_REASONS.map((value) => ({ value, label: SUSPENSION_REASONS[value] }))}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          allowDeselect={false}
          required
        />
        <TextInput
          label="Précisions"
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
          error={errors.explanation}
          placeholder="ex. arrêt maladie du 3 au 20 mars"
        />
        <Text size="sm" c="dimmed">
          Aucune mission ne peut être confiée pendant une suspension ; deux suspensions ne se chevauchent pas.
        </Text>
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
        {reason && PASS_EXTENSIONS_NEEDING_PRESCRIBER.includes(reason) && (
          <Text size="sm" c="dimmed">
            Ce motif suppose l’avis du prescripteur habilité : la prolongation reste en attente et ne compte qu’une fois
            sa décision enregistrée.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {reason && PASS_EXTENSIONS_NEEDING_PRESCRIBER.includes(reason)
              ? 'Demander la prolongation'
              : 'Prolonger le PASS'}
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
  const [decision, setDecision] = useState<'granted' | 'refused'>('granted');
  const [decidedOn, setDecidedOn] = useState(today());
  const [decidedBy, setDecidedBy] = useState('');
  const [note, setNote] = useState('');
  const save = useWorkerMutation<Pass>(workerId, `/passes/${passId}/extensions/${extensionId}/decision`, () =>
    onDone?.(),
  );
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ decision, decidedOn, decidedBy, note: note || undefined });
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="Décision non enregistrée" />
        <Radio.Group label="Décision du prescripteur" value={decision} onChange={(v) => setDecision(v as 'granted')}>
          <Group mt="xs">
            <Radio value="granted" label="Accordée" />
            <Radio value="refused" label="Refusée" />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label="Date de la décision"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.currentTarget.value)}
          error={errors.decidedOn}
          required
        />
        <TextInput
          label="Prescripteur habilité"
          value={decidedBy}
          onChange={(e) => setDecidedBy(e.currentTarget.value)}
          error={errors.decidedBy}
          placeholder="ex. France Travail Créteil"
          required
        />
        <TextInput label="Commentaire" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer la décision
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
  const [extensionDecisionOn, setExtensionDecisionOn] = useState('');
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
          extensionDecisionOn:
            kind === 'cddi' && extensionReason && extensionDecisionOn ? extensionDecisionOn : undefined,
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
        {kind === 'cddi' && (extensionReason === 'senior_50' || extensionReason === 'rqth') && (
          <TextInput
            type="date"
            label="Date de la décision de France Travail"
            value={extensionDecisionOn}
            onChange={(e) => setExtensionDecisionOn(e.currentTarget.value)}
            error={errors.extensionDecisionOn}
            required
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
