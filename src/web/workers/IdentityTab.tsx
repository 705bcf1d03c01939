import { Button, Card, Grid, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Worker, workersApi } from '../../shared/workers';
import { call } from '../api';
import { AddressFields } from '../blocks/AddressFields';
import { useApiForm } from '../blocks/useApiForm';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { usePatchWorker, useWorker } from './worker-record';

export function IdentityTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const referents = useQuery({
    queryKey: ['referents', orgId],
    queryFn: () => call(workersApi.referents, { params: { orgId } }),
  });
  const save = usePatchWorker(orgId, workerId);
  const form = useApiForm({
    initial: {
      firstName: w.firstName,
      lastName: w.lastName,
      birthDate: w.birthDate,
      phone: w.phone ?? '',
      email: w.email ?? '',
      line: w.address.line ?? '',
      postalCode: w.address.postalCode ?? '',
      communeCode: w.address.communeCode,
      maxHoursPerWeek: (w.maxHoursPerWeek ?? '') as number | string,
      referentUserId: w.referent?.id ?? null,
    },
    submit: (v) =>
      save.mutateAsync({
        firstName: v.firstName,
        lastName: v.lastName,
        birthDate: v.birthDate,
        phone: v.phone || null,
        email: v.email || null,
        address: { line: v.line || undefined, postalCode: v.postalCode || undefined, communeCode: v.communeCode },
        maxHoursPerWeek: v.maxHoursPerWeek === '' ? null : Number(v.maxHoursPerWeek),
        referentUserId: v.referentUserId,
      }),
  });
  return (
    <Card withBorder maw={760} component="form" onSubmit={form.onSubmit}>
      <ErrorAlert error={form.alertError} title="Fiche non enregistrée" />
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Prénom" {...form.field('firstName')} required />
            <TextInput label="Nom" {...form.field('lastName')} required />
            <TextInput type="date" label="Date de naissance" {...form.field('birthDate')} required />
            <TextInput label="Téléphone" type="tel" {...form.field('phone')} />
            <TextInput label="E-mail" type="email" {...form.field('email')} />
            <NumberInput label="Heures au plus par semaine" min={1} max={48} {...form.field('maxHoursPerWeek')} />
          </SimpleGrid>
          <Grid>
            <AddressFields
              form={form}
              spans={{ line: 12, postalCode: { base: 12, sm: 6 }, commune: { base: 12, sm: 6 } }}
            />
          </Grid>
          <Select
            label="Référent·e de l’accompagnement"
            data={(referents.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            {...form.field('referentUserId')}
            clearable
          />
          {canWrite && (
            <Group>
              <Button type="submit" loading={form.busy}>
                Enregistrer
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Card>
  );
}
