import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { WEEKDAY_LABELS, type Worker } from '../../shared/workers';
import { useApiForm } from '../blocks/useApiForm';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { CertificatesSection } from './CertificatesSection';
import { HealthVisitsSection } from './HealthVisitsSection';
import { JobsSelect } from './pickers';
import { UnavailabilitiesSection } from './UnavailabilitiesSection';
import { Section, usePatchWorker, useWorker } from './worker-record';

/** A day's availability as typed ("08:00-12:00, 14:00-17:00") read as ranges, or null when it does not read. */
function rangesOf(text: string): [string, string][] | null {
  const ranges = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('-').map((x) => x.trim().padStart(5, '0')));
  const time = /^\d\d:\d\d$/;
  return ranges.every((r) => r.length === 2 && time.test(r[0]!) && time.test(r[1]!))
    ? (ranges as [string, string][])
    : null;
}

export function JobsTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const can = useCan();
  const canWrite = can('worker.write');
  const save = usePatchWorker(orgId, workerId);
  const jobsForm = useApiForm({
    initial: {
      labels: Object.fromEntries([...w.jobs, ...w.targetJobs].map((j) => [j.rome, j.label])) as Record<string, string>,
      jobs: w.jobs.map((j) => ({ rome: j.rome, level: j.level })),
      targetJobs: w.targetJobs.map((j) => j.rome),
    },
    submit: ({ jobs, targetJobs }) => save.mutateAsync({ jobs, targetJobs }),
  });
  const { labels, jobs, targetJobs } = jobsForm.values;
  const availability = useApiForm({
    initial: Object.fromEntries(
      Object.entries(w.weeklyAvailability).map(([d, r]) => [d, r.map(([a, b]) => `${a}-${b}`).join(', ')]),
    ) as Record<string, string>,
    // Each day's text is read as ranges before sending: a day that does not read is said under its field.
    validate: (v) =>
      Object.fromEntries(
        Object.entries(v)
          .filter(([, text]) => rangesOf(text) === null)
          .map(([d]) => [
            d,
            `${WEEKDAY_LABELS[Number(d)]} : écrivez des plages comme 08:00-12:00, séparées par des virgules.`,
          ]),
      ),
    submit: (v) => {
      const weeklyAvailability: Record<string, [string, string][]> = {};
      for (const [d, text] of Object.entries(v)) {
        const ranges = rangesOf(text) ?? [];
        if (ranges.length) weeklyAvailability[d] = ranges;
      }
      return save.mutateAsync({ weeklyAvailability });
    },
  });
  return (
    <>
      <Section title="Métiers et projet professionnel">
        <Stack component="form" onSubmit={jobsForm.onSubmit}>
          <ErrorAlert error={jobsForm.alertError} title="Modification non enregistrée" />
          <JobsSelect
            label="Métiers exercés (ROME)"
            value={jobs.map((j) => j.rome)}
            labels={labels}
            onChange={(codes, l) =>
              jobsForm.setValues((v) => ({
                ...v,
                labels: l,
                jobs: codes.map((rome) => v.jobs.find((j) => j.rome === rome) ?? { rome, level: 1 }),
              }))
            }
          />
          {jobs.map((j, i) => (
            <Select
              key={j.rome}
              label={`Niveau : ${labels[j.rome] ?? j.rome}`}
              data={[
                { value: '1', label: 'Débutant·e' },
                { value: '2', label: 'Confirmé·e' },
                { value: '3', label: 'Expérimenté·e' },
              ]}
              value={String(j.level)}
              onChange={(v) =>
                jobsForm.set(
                  'jobs',
                  jobs.map((x) => (x.rome === j.rome ? { ...x, level: Number(v ?? 1) } : x)),
                )
              }
              error={jobsForm.errorAt(`jobs.${i}.level`)}
              allowDeselect={false}
              maw={360}
              disabled={!canWrite}
            />
          ))}
          <JobsSelect
            label="Projet professionnel (métiers visés)"
            value={targetJobs}
            labels={labels}
            onChange={(codes, l) => jobsForm.setValues((v) => ({ ...v, labels: l, targetJobs: codes }))}
          />
          {canWrite && (
            <Group>
              <Button type="submit" loading={jobsForm.busy}>
                Enregistrer les métiers
              </Button>
            </Group>
          )}
        </Stack>
      </Section>
      <Section title="Disponibilités habituelles">
        <Text size="sm" c="dimmed" mb="xs">
          Laissez vide un jour sans préférence. Plusieurs plages : 08:00-12:00, 14:00-17:00.
        </Text>
        <form onSubmit={availability.onSubmit}>
          <ErrorAlert error={availability.alertError} title="Modification non enregistrée" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <TextInput
                key={d}
                label={WEEKDAY_LABELS[d]}
                {...availability.field(String(d))}
                value={availability.values[String(d)] ?? ''}
                error={availability.fieldErrors[String(d)] ?? availability.errorAt(`weeklyAvailability.${d}`)}
                placeholder="ex. 08:00-12:00"
                disabled={!canWrite}
              />
            ))}
          </SimpleGrid>
          {canWrite && (
            <Button type="submit" mt="sm" loading={availability.busy}>
              Enregistrer les disponibilités
            </Button>
          )}
        </form>
      </Section>
      <UnavailabilitiesSection workerId={workerId} />
      <CertificatesSection worker={w} />
      <HealthVisitsSection worker={w} />
    </>
  );
}
