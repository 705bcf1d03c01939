import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ApiForm } from '../blocks/useApiForm';
import { JobPicker } from './JobPicker';
import type { NeedFormValues } from './need-form';
import { emptyJob, type JobLine } from './need-form';

/** Step 2 of the public need form: the urgency and the jobs sought (up to 10). */
export function NeedJobsStep(props: { form: ApiForm<NeedFormValues>; err: (path: string) => string | undefined }) {
  const { values: form, set } = props.form;
  const err = props.err;
  const setJob = (i: number, patch: Partial<JobLine>) =>
    props.form.setValues((f) => ({ ...f, jobs: f.jobs.map((j, k) => (k === i ? { ...j, ...patch } : j)) }));
  return (
    <Stack mt="md">
      <Radio.Group
        label="Urgence"
        required
        value={form.urgency}
        onChange={(v) => set('urgency', v)}
        error={err('urgency')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="urgent" label="Renfort urgent (absences, surcroît d’activité)" />
          <Radio value="structural" label="Besoin durable (recrutements, postes à pourvoir)" />
        </Stack>
      </Radio.Group>
      <Checkbox
        label="Nous sommes intéressés par des parcours de formation vers les métiers du soin (aide-soignant, infirmier, ambulancier)"
        checked={form.carePathway}
        onChange={(e) => set('carePathway', e.currentTarget.checked)}
      />
      {form.jobs.map((job, i) => (
        <Card withBorder key={job.key} component="fieldset" p="sm" aria-label={`Métier ${i + 1}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600} component="legend">
                Métier {i + 1}
              </Text>
              {form.jobs.length > 1 && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() =>
                    set(
                      'jobs',
                      form.jobs.filter((_, k) => k !== i),
                    )
                  }
                >
                  Retirer ce métier
                </Button>
              )}
            </Group>
            <JobPicker
              value={job.rome}
              initialLabel={job.label}
              onChange={(rome, label) => setJob(i, { rome, label })}
              error={err(`jobs.${i}.rome`)}
              label={`Métier ${i + 1}`}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label="Nombre de personnes"
                required
                min={1}
                max={500}
                allowDecimal={false}
                value={job.headcount}
                onChange={(v) => setJob(i, { headcount: v })}
                error={err(`jobs.${i}.headcount`)}
              />
              <NumberInput
                label="Heures par semaine (facultatif)"
                min={1}
                max={48}
                value={job.hoursPerWeek}
                onChange={(v) => setJob(i, { hoursPerWeek: v })}
                error={err(`jobs.${i}.hoursPerWeek`)}
              />
              <TextInput
                type="date"
                label="À partir du"
                required
                value={job.startDate}
                onChange={(e) => setJob(i, { startDate: e.currentTarget.value })}
                error={err(`jobs.${i}.startDate`)}
              />
              <TextInput
                type="date"
                label="Jusqu’au (facultatif)"
                value={job.endDate}
                onChange={(e) => setJob(i, { endDate: e.currentTarget.value })}
                error={err(`jobs.${i}.endDate`)}
              />
            </SimpleGrid>
            <TextInput
              label="Jours et horaires (facultatif)"
              placeholder="ex. du lundi au vendredi, 7 h – 14 h"
              value={job.schedule}
              onChange={(e) => setJob(i, { schedule: e.currentTarget.value })}
              error={err(`jobs.${i}.schedule`)}
              maxLength={300}
            />
            <Group>
              <Checkbox
                label="De nuit"
                checked={job.nights}
                onChange={(e) => setJob(i, { nights: e.currentTarget.checked })}
              />
              <Checkbox
                label="Le week-end"
                checked={job.weekends}
                onChange={(e) => setJob(i, { weekends: e.currentTarget.checked })}
              />
            </Group>
          </Stack>
        </Card>
      ))}
      {form.jobs.length < 10 && (
        <Button variant="light" onClick={() => set('jobs', [...form.jobs, emptyJob()])}>
          Ajouter un autre métier
        </Button>
      )}
      <Textarea
        label="Décrivez votre besoin (facultatif)"
        placeholder="Contexte, tâches, contraintes…"
        autosize
        minRows={3}
        maxLength={4000}
        value={form.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={err('description')}
      />
    </Stack>
  );
}
