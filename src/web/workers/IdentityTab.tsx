import { Button, Card, Group, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Worker, workersApi } from '../../shared/workers';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { PersonFields } from './PersonFields';
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
          <PersonFields form={form} />
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
