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
import { useState } from 'react';
import { EQUIPMENT_SUPPLIERS, type EquipmentSupplier } from '../../shared/equipment';
import { formatDateTime } from '../../shared/format';
import { ApiError, api } from '../api';
import { ErrorAlert } from '../shell/ui';
import type { Diagnostic, NeedView } from './labels';

/** The shared vocabulary, worded for the establishment that is not yet a client. */
const SUPPLIED_BY_IN_DIAGNOSTIC: Record<EquipmentSupplier, string> = {
  client: 'L’établissement',
  ai: 'Notre structure',
  shared: 'Les deux',
};

const fromNeed = (need: NeedView): Diagnostic =>
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
  url,
  onSaved,
}: {
  need: NeedView;
  url: string;
  onSaved: (n: NeedView) => void;
}) {
  const [d, setD] = useState<Diagnostic>(() => fromNeed(need));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const labels = Object.fromEntries(need.jobs.map((j) => [j.rome, j.label]));
  const setJob = (i: number, patch: Partial<Diagnostic['jobs'][number]>) =>
    setD((x) => ({ ...x, jobs: x.jobs.map((j, k) => (k === i ? { ...j, ...patch } : j)) }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api<NeedView>(url, { method: 'PUT', body: d });
      setErrors({});
      notifications.show({ color: 'green', message: 'Diagnostic enregistré.' });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fieldErrors);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

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
        <ErrorAlert error={error} title="Enregistrement impossible" />
        <Group justify="flex-end">
          <Button onClick={save} loading={busy}>
            Enregistrer le diagnostic
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
