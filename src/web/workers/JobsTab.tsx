import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { WEEKDAY_LABELS, type Worker } from '../../shared/workers';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { CertificatesSection } from './CertificatesSection';
import { HealthVisitsSection } from './HealthVisitsSection';
import { JobsSelect } from './pickers';
import { UnavailabilitiesSection } from './UnavailabilitiesSection';
import { Section, usePatchWorker, useWorker } from './worker-record';

export function JobsTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const can = useCan();
  const canWrite = can('worker.write');
  const save = usePatchWorker(orgId, workerId);
  const [labels, setLabels] = useState<Record<string, string>>(() =>
    Object.fromEntries([...w.jobs, ...w.targetJobs].map((j) => [j.rome, j.label])),
  );
  const [jobs, setJobs] = useState(w.jobs.map((j) => ({ rome: j.rome, level: j.level })));
  const [targets, setTargets] = useState(w.targetJobs.map((j) => j.rome));
  const [availability, setAvailability] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(w.weeklyAvailability).map(([d, r]) => [d, r.map(([a, b]) => `${a}-${b}`).join(', ')]),
    ),
  );
  const [availabilityError, setAvailabilityError] = useState<string | null>(null);
  const saveJobs = () => save.mutate({ jobs, targetJobs: targets });
  const saveAvailability = () => {
    const out: Record<string, [string, string][]> = {};
    for (const [d, text] of Object.entries(availability)) {
      const ranges = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => s.split('-').map((x) => x.trim().padStart(5, '0')) as [string, string]);
      if (ranges.some((r) => r.length !== 2 || !/^\d\d:\d\d$/.test(r[0]) || !/^\d\d:\d\d$/.test(r[1]))) {
        setAvailabilityError(
          `${WEEKDAY_LABELS[Number(d)]} : écrivez des plages comme 08:00-12:00, séparées par des virgules.`,
        );
        return;
      }
      if (ranges.length) out[d] = ranges;
    }
    setAvailabilityError(null);
    save.mutate({ weeklyAvailability: out });
  };
  return (
    <>
      <ErrorAlert error={save.error} title="Modification non enregistrée" />
      <Section title="Métiers et projet professionnel">
        <Stack>
          <JobsSelect
            label="Métiers exercés (ROME)"
            value={jobs.map((j) => j.rome)}
            labels={labels}
            onChange={(codes, l) => {
              setLabels(l);
              setJobs(codes.map((rome) => jobs.find((j) => j.rome === rome) ?? { rome, level: 1 }));
            }}
          />
          {jobs.map((j) => (
            <Select
              key={j.rome}
              label={`Niveau : ${labels[j.rome] ?? j.rome}`}
              data={[
                { value: '1', label: 'Débutant·e' },
                { value: '2', label: 'Confirmé·e' },
                { value: '3', label: 'Expérimenté·e' },
              ]}
              value={String(j.level)}
              onChange={(v) => setJobs(jobs.map((x) => (x.rome === j.rome ? { ...x, level: Number(v ?? 1) } : x)))}
              allowDeselect={false}
              maw={360}
              disabled={!canWrite}
            />
          ))}
          <JobsSelect
            label="Projet professionnel (métiers visés)"
            value={targets}
            labels={labels}
            onChange={(codes, l) => {
              setLabels(l);
              setTargets(codes);
            }}
          />
          {canWrite && (
            <Group>
              <Button onClick={saveJobs} loading={save.isPending}>
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
        {availabilityError && (
          <Alert color="red" mb="sm" role="alert">
            {availabilityError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {[1, 2, 3, 4, 5, 6, 0].map((d) => (
            <TextInput
              key={d}
              label={WEEKDAY_LABELS[d]}
              value={availability[String(d)] ?? ''}
              onChange={(e) => setAvailability({ ...availability, [String(d)]: e.currentTarget.value })}
              placeholder="ex. 08:00-12:00"
              disabled={!canWrite}
            />
          ))}
        </SimpleGrid>
        {canWrite && (
          <Button mt="sm" onClick={saveAvailability} loading={save.isPending}>
            Enregistrer les disponibilités
          </Button>
        )}
      </Section>
      <UnavailabilitiesSection workerId={workerId} />
      <CertificatesSection worker={w} />
      <HealthVisitsSection worker={w} />
    </>
  );
}
