import { Button, Card, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { CommuneSelect, JobsSelect } from './pickers';

/** First step of a hire: the person's identity and jobs; then the hire flow (diagnosis, PASS, contract). */
export function NewWorkerPage() {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, setForm] = useState({
    firstName: '',
    lastName: '',
    birthDate: '',
    phone: '',
    email: '',
    line: '',
    postalCode: '',
    communeCode: '',
    communeLabel: '',
    jobs: [] as string[],
    maxHoursPerWeek: 26 as number | string,
  });
  const [jobLabels, setJobLabels] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const save = useMutation({
    mutationFn: () =>
      api<{ id: string }>(`/api/orgs/${orgId}/workers`, {
        body: {
          firstName: form.firstName,
          lastName: form.lastName,
          birthDate: form.birthDate,
          phone: form.phone || undefined,
          email: form.email || undefined,
          address: {
            line: form.line || undefined,
            postalCode: form.postalCode || undefined,
            communeCode: form.communeCode,
          },
          jobs: form.jobs,
          maxHoursPerWeek: form.maxHoursPerWeek === '' ? undefined : Number(form.maxHoursPerWeek),
        },
      }),
    onSuccess: (w) => {
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      navigate(`../${w.id}/embauche`, { relative: 'path' });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        title="Nouveau ou nouvelle salarié·e"
        subtitle="Étape 1 sur 4 : identité. Ensuite : diagnostic d’éligibilité, PASS IAE, contrat."
      />
      <ErrorAlert error={save.error} title="Fiche non enregistrée" />
      <Card withBorder maw={760} component="form" onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Prénom"
              value={form.firstName}
              onChange={(e) => set({ firstName: e.currentTarget.value })}
              error={errors.firstName}
              required
            />
            <TextInput
              label="Nom"
              value={form.lastName}
              onChange={(e) => set({ lastName: e.currentTarget.value })}
              error={errors.lastName}
              required
            />
            <TextInput
              type="date"
              label="Date de naissance"
              value={form.birthDate}
              onChange={(e) => set({ birthDate: e.currentTarget.value })}
              error={errors.birthDate}
              required
            />
            <TextInput
              label="Téléphone"
              type="tel"
              value={form.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={errors.phone}
            />
            <TextInput
              label="E-mail"
              type="email"
              value={form.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
            />
            <NumberInput
              label="Heures au plus par semaine"
              min={1}
              max={48}
              value={form.maxHoursPerWeek}
              onChange={(v) => set({ maxHoursPerWeek: v })}
              error={errors.maxHoursPerWeek}
            />
          </SimpleGrid>
          <TextInput
            label="Adresse"
            value={form.line}
            onChange={(e) => set({ line: e.currentTarget.value })}
            error={errors['address.line']}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Code postal"
              value={form.postalCode}
              onChange={(e) => set({ postalCode: e.currentTarget.value })}
              error={errors['address.postalCode']}
            />
            <CommuneSelect
              value={form.communeCode}
              valueLabel={form.communeLabel}
              onChange={(communeCode, communeLabel) => set({ communeCode, communeLabel })}
              error={errors['address.communeCode'] ?? errors.address}
            />
          </SimpleGrid>
          <JobsSelect
            label="Métiers (ROME)"
            value={form.jobs}
            labels={jobLabels}
            onChange={(jobs, labels) => {
              set({ jobs });
              setJobLabels(labels);
            }}
            error={errors.jobs}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Créer la fiche et continuer
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
