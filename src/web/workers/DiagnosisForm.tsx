import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  type Diagnosis,
  type EligibilityCriterion,
  LEVEL_1_CRITERION_LABELS,
  LEVEL_2_CRITERION_LABELS,
  workersApi,
} from '../../shared/workers';
import { call } from '../api';
import { ErrorAlert } from '../shell/ui';
import { today, useWorkerForm } from './use-worker-form';

/** Eligibility diagnosis: criteria of level 1 and 2, author, date, evidence. */
export function DiagnosisForm({ workerId, onDone }: { workerId: string; onDone?: (d: Diagnosis) => void }) {
  const form = useWorkerForm(workerId, {
    initial: {
      author: 'ai' as 'ai' | 'prescriber',
      prescriberName: '',
      madeOn: today(),
      criteria: [] as EligibilityCriterion[],
      evidence: '',
    },
    send: (params, v) =>
      call(workersApi.recordDiagnosis, {
        params,
        body: {
          author: v.author,
          prescriberName: v.author === 'prescriber' ? v.prescriberName : undefined,
          madeOn: v.madeOn,
          criteria: v.criteria.length > 0 || v.author !== 'prescriber' ? v.criteria : undefined,
          evidence: v.evidence || undefined,
        },
      }),
    onDone,
  });
  const { author, criteria } = form.values;
  const setCriteria = (v: string[]) => form.set('criteria', v as EligibilityCriterion[]);
  const level1 = criteria.filter((c) => c in LEVEL_1_CRITERION_LABELS).length;
  const level2 = criteria.filter((c) => c in LEVEL_2_CRITERION_LABELS).length;
  // An authorised prescriber's diagnosis makes the person eligible by itself: criteria are optional then.
  const byPrescriber = author === 'prescriber';
  const eligible = byPrescriber || level1 >= 1 || level2 >= 2;
  return (
    <form onSubmit={form.onSubmit}>
      <Stack>
        <ErrorAlert error={form.alertError} title="Diagnostic non enregistré" />
        <Radio.Group
          label="Diagnostic réalisé par"
          value={author}
          onChange={(v) => form.set('author', v as 'ai' | 'prescriber')}
        >
          <Group mt="xs">
            <Radio value="ai" label="La structure (valable 92 jours)" />
            <Radio value="prescriber" label="Un prescripteur habilité (valable 6 mois)" />
          </Group>
        </Radio.Group>
        {author === 'prescriber' && (
          <TextInput label="Prescripteur" {...form.field('prescriberName')} placeholder="ex. France Travail Créteil" />
        )}
        <TextInput type="date" label="Date du diagnostic" {...form.field('madeOn')} required />
        {byPrescriber && (
          <Text size="sm" c="dimmed">
            Le diagnostic d’un prescripteur habilité suffit : cocher les critères est facultatif.
          </Text>
        )}
        <Checkbox.Group
          label={byPrescriber ? 'Critères de niveau 1 (facultatif)' : 'Critères de niveau 1 (un seul suffit)'}
          value={criteria}
          onChange={setCriteria}
          error={form.errorAt('criteria')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {Object.entries(LEVEL_1_CRITERION_LABELS).map(([k, l]) => (
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
            {Object.entries(LEVEL_2_CRITERION_LABELS).map(([k, l]) => (
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
          {...form.field('evidence')}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={form.busy} disabled={!byPrescriber && criteria.length === 0}>
            Enregistrer le diagnostic
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
