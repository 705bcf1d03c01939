import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EQUIPMENT_SUPPLIERS } from '../../shared/equipment';
import { formatDateTime } from '../../shared/format';
import { type Diagnostic, type Need, needsApi, SUPPLIED_BY_IN_DIAGNOSTIC } from '../../shared/needs';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert } from '../shell/ui';

const fromNeed = (need: Need): Diagnostic =>
  need.diagnostic ?? {
    jobs: need.jobs.map((j) => ({
      rome: j.rome,
      headcount: j.headcount,
      minutesPerWeek: j.hoursPerWeek ? Math.round(j.hoursPerWeek * 60) : null,
      schedule: [j.schedule, j.nights ? 'de nuit' : '', j.weekends ? 'le week-end' : ''].filter(Boolean).join(', '),
      skills: '',
      certificates: '',
    })),
    startDate: need.jobs[0]?.startDate ?? null,
    endDate: need.jobs[0]?.endDate ?? null,
    protectiveEquipment: '',
    equipmentSuppliedBy: null,
    accessConstraints: '',
    carePathwayInterest: need.carePathway,
    notes: '',
  };

/** The HR diagnostic (diagnostic RH des besoins), saved on the need and reused by the quote. */
export function DiagnosticForm({
  need,
  params,
  onSaved,
}: {
  need: Need;
  params: { orgId: string; needId: string };
  onSaved: (n: Need) => void;
}) {
  const form = useApiForm({
    initial: fromNeed(need),
    submit: (body: Diagnostic) => call(needsApi.diagnostic, { params, body }),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: 'Diagnostic enregistré.' });
      onSaved(saved);
    },
  });
  const d = form.values;
  const setD = form.setValues;
  const errors = form.fieldErrors;
  const labels = Object.fromEntries(need.jobs.map((j) => [j.rome, j.label]));
  const setJob = (i: number, patch: Partial<Diagnostic['jobs'][number]>) =>
    setD((x) => ({ ...x, jobs: x.jobs.map((j, k) => (k === i ? { ...j, ...patch } : j)) }));

  return (
    <Card withBorder mt="lg">
      <Title order={2} size="h4">
        Diagnostic RH du besoin
      </Title>
      <Text size="sm" c="dimmed">
        {need.diagnosticAt ? `Enregistré le ${formatDateTime(need.diagnosticAt)}. ` : ''}Il sera repris dans le devis.
      </Text>
      <Stack mt="md">
        {d.jobs.map((j, i) => (
          <Card withBorder key={j.rome} p="sm">
            <Text fw={600}>
              {labels[j.rome] ?? j.rome} ({j.rome})
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <NumberInput
                label="Nombre de personnes"
                min={1}
                max={500}
                allowDecimal={false}
                value={j.headcount}
                onChange={(v) => setJob(i, { headcount: Number(v) || 1 })}
                error={errors[`jobs.${i}.headcount`]}
              />
              <NumberInput
                label="Heures par semaine"
                min={0}
                max={48}
                value={j.minutesPerWeek === null ? '' : j.minutesPerWeek / 60}
                onChange={(v) => setJob(i, { minutesPerWeek: v === '' ? null : Math.round(Number(v) * 60) })}
                error={errors[`jobs.${i}.minutesPerWeek`]}
              />
            </SimpleGrid>
            <TextInput
              mt="xs"
              label="Jours et horaires"
              value={j.schedule}
              onChange={(e) => setJob(i, { schedule: e.currentTarget.value })}
              maxLength={500}
            />
            <Textarea
              mt="xs"
              label="Compétences attendues"
              autosize
              minRows={2}
              value={j.skills}
              onChange={(e) => setJob(i, { skills: e.currentTarget.value })}
              maxLength={1000}
            />
            <Textarea
              mt="xs"
              label="Habilitations et certificats requis"
              autosize
              minRows={1}
              value={j.certificates}
              onChange={(e) => setJob(i, { certificates: e.currentTarget.value })}
              maxLength={1000}
            />
          </Card>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Début souhaité"
            value={d.startDate ?? ''}
            onChange={(e) => setD({ ...d, startDate: e.currentTarget.value || null })}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label="Fin prévue"
            value={d.endDate ?? ''}
            onChange={(e) => setD({ ...d, endDate: e.currentTarget.value || null })}
            error={errors.endDate}
          />
        </SimpleGrid>
        <Textarea
          label="Équipements de protection individuelle"
          placeholder="ex. blouse, gants, chaussures de sécurité"
          autosize
          minRows={2}
          value={d.protectiveEquipment}
          onChange={(e) => setD({ ...d, protectiveEquipment: e.currentTarget.value })}
          maxLength={1000}
        />
        <Select
          label="Fournis par"
          placeholder="Choisissez"
          data={EQUIPMENT_SUPPLIERS.map((value) => ({ value, label: SUPPLIED_BY_IN_DIAGNOSTIC[value] }))}
          value={d.equipmentSuppliedBy}
          onChange={(v) => setD({ ...d, equipmentSuppliedBy: EQUIPMENT_SUPPLIERS.find((s) => s === v) ?? null })}
          clearable
        />
        <Textarea
          label="Contraintes d’accès"
          placeholder="ex. badge, horaires d’ouverture, transports"
          autosize
          minRows={2}
          value={d.accessConstraints}
          onChange={(e) => setD({ ...d, accessConstraints: e.currentTarget.value })}
          maxLength={1000}
        />
        <Checkbox
          label="Intéressé par un parcours vers les métiers du soin (aide-soignant, infirmier, ambulancier)"
          checked={d.carePathwayInterest}
          onChange={(e) => setD({ ...d, carePathwayInterest: e.currentTarget.checked })}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={d.notes}
          onChange={(e) => setD({ ...d, notes: e.currentTarget.value })}
          maxLength={4000}
        />
        <ErrorAlert error={form.error} title="Enregistrement impossible" />
        <Group justify="flex-end">
          <Button onClick={() => form.onSubmit()} loading={form.busy}>
            Enregistrer le diagnostic
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
