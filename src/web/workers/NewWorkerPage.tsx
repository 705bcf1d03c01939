import { Button, Card, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { PersonFields } from './PersonFields';
import { JobsSelect } from './pickers';

/** First step of a hire: the person's identity and jobs; then the hire flow (diagnosis, PASS, contract). */
export function NewWorkerPage() {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [jobLabels, setJobLabels] = useState<Record<string, string>>({});
  const form = useApiForm({
    initial: {
      firstName: '',
      lastName: '',
      birthDate: '',
      phone: '',
      email: '',
      line: '',
      postalCode: '',
      communeCode: '',
      jobs: [] as string[],
      maxHoursPerWeek: 26 as number | string,
    },
    submit: (v) =>
      call(workersApi.create, {
        params: { orgId },
        body: {
          firstName: v.firstName,
          lastName: v.lastName,
          birthDate: v.birthDate,
          phone: v.phone || undefined,
          email: v.email || undefined,
          address: { line: v.line || undefined, postalCode: v.postalCode || undefined, communeCode: v.communeCode },
          jobs: v.jobs,
          maxHoursPerWeek: v.maxHoursPerWeek === '' ? undefined : Number(v.maxHoursPerWeek),
        },
      }),
    onSuccess: (w) => {
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      navigate(`../${w.id}/embauche`, { relative: 'path' });
    },
  });
  const { values: v, errorAt } = form;
  return (
    <>
      <PageHeader
        title="Nouveau ou nouvelle salarié·e"
        subtitle="Étape 1 sur 4 : identité. Ensuite : diagnostic d’éligibilité, PASS IAE, contrat."
      />
      <ErrorAlert error={form.alertError} title="Fiche non enregistrée" />
      <Card withBorder maw={760} component="form" onSubmit={form.onSubmit}>
        <Stack>
          <PersonFields form={form} />
          <JobsSelect
            label="Métiers (ROME)"
            value={v.jobs}
            labels={jobLabels}
            onChange={(jobs, labels) => {
              form.set('jobs', jobs);
              setJobLabels(labels);
            }}
            error={errorAt('jobs')}
          />
          <Group>
            <Button type="submit" loading={form.busy}>
              Créer la fiche et continuer
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
