import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, formatMinutes } from '../../shared/format';
import { RecordAccessCard } from '../accounts/RecordAccessCard';
import { ApiError, api } from '../api';
import { ContactPreferencesCard } from '../notifications/ContactPreferencesCard';
import { useCan, useOrgId, useSensitiveAccess } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, textFields, useUrlFilters } from '../shell/ui';
import { Reserved } from '../support/Reserved';
import { SupportFileTab } from '../support/SupportFileTab';
import { ContractForm, DiagnosisForm, ExtensionDecisionForm, ExtensionForm, PassForm, SuspensionForm } from './forms';
import {
  CERTIFICATE_KINDS,
  CONTRACT_KINDS,
  CRITERION_LABELS,
  EXIT_CATEGORIES,
  EXTENSION_STATUSES,
  PASS_EXTENSIONS,
  SUSPENSION_REASONS,
  WEEKDAYS,
} from './labels';
import type { Worker } from './model';
import { CommuneSelect, JobsSelect } from './pickers';
import { passBadge } from './WorkersListPage';

function useWorker() {
  const orgId = useOrgId();
  const { workerId = '' } = useParams();
  const query = useQuery({
    queryKey: ['worker', orgId, workerId],
    queryFn: () => api<Worker>(`/api/orgs/${orgId}/workers/${workerId}`),
  });
  return { orgId, workerId, query };
}

function usePatchWorker(orgId: string, workerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<Worker>(`/api/orgs/${orgId}/workers/${workerId}`, { method: 'PATCH', body }),
    onSuccess: (w) => {
      qc.setQueryData(['worker', orgId, workerId], w);
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      notifications.show({ color: 'green', message: 'Fiche enregistrée.' });
    },
  });
}

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

function FormModal({
  label,
  title,
  children,
}: {
  label: string;
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} size="lg">
        {children(() => setOpen(false))}
      </Modal>
    </>
  );
}

/** The worker record: identity, jobs & availability, PASS & eligibility, contracts, support file. */
export function WorkerPage() {
  const { orgId, workerId, query } = useWorker();
  const can = useCan();
  const sensitive = useSensitiveAccess();
  const [filters, setFilters] = useUrlFilters(['onglet'] as const);
  const [tab, setTab] = useState(filters.onglet || 'identite');
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} title="Fiche introuvable" />;
  const w = query.data;
  const cap = w.hoursCap;
  return (
    <>
      <PageHeader
        title={`${w.firstName} ${w.lastName}`}
        subtitle={
          <Group gap="xs" component="span">
            {passBadge(w.passDaysLeft, w.passEndDate)}
            {w.exit && (
              <Badge color="gray.7">
                Sorti·e le {formatDate(w.exit.date)} · {EXIT_CATEGORIES[w.exit.category]}
              </Badge>
            )}
            {w.anonymised && <Badge color="gray.7">Anonymisé·e</Badge>}
          </Group>
        }
        actions={
          <>
            {can('eligibility.write') && !w.exit && (
              <Button component={Link} to="embauche" variant="light">
                Parcours d’embauche
              </Button>
            )}
            {can('worker.export') && sensitive && (
              <>
                <Button component="a" variant="default" href={`/api/orgs/${orgId}/workers/${workerId}/export`}>
                  Exporter (JSON)
                </Button>
                <Button component="a" variant="default" href={`/api/orgs/${orgId}/workers/${workerId}/export.pdf`}>
                  Exporter (PDF)
                </Button>
              </>
            )}
          </>
        }
      />
      {cap && (
        <Card withBorder mb="md" maw={520} aria-label="Compteur des 480 heures">
          <Text size="sm" fw={600}>
            Heures chez des utilisateurs soumis au plafond : {formatMinutes(cap.countedMinutes)} sur{' '}
            {formatMinutes(cap.capMinutes)}
          </Text>
          <Progress
            value={Math.min(100, (cap.countedMinutes / cap.capMinutes) * 100)}
            color={cap.level === 'reached' ? 'red' : cap.level === 'warning' ? 'orange' : 'blue'}
            mt={6}
            aria-label="Part du plafond de 480 heures utilisée"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {cap.windowStart && cap.windowEnd
              ? `Période de 24 mois du ${formatDate(cap.windowStart)} au ${formatDate(cap.windowEnd)}`
              : 'Aucune mise à disposition comptée pour l’instant'}
            {cap.derogation ? ' · dérogation préfectorale en cours' : ''}
          </Text>
        </Card>
      )}
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v ?? 'identite');
          setFilters({ onglet: v === 'identite' ? null : v });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="identite">Identité</Tabs.Tab>
          <Tabs.Tab value="metiers">Métiers et disponibilités</Tabs.Tab>
          <Tabs.Tab value="pass">PASS IAE et éligibilité</Tabs.Tab>
          <Tabs.Tab value="contrats">Contrats</Tabs.Tab>
          {can('support.read') && <Tabs.Tab value="accompagnement">Accompagnement</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="identite">
          <IdentityTab worker={w} />
          <Box mt="md" maw={760}>
            <RecordAccessCard
              kind="worker"
              recordId={w.id}
              defaultName={`${w.firstName} ${w.lastName}`}
              defaultEmail={w.email}
            />
          </Box>
          <Box mt="md" maw={760}>
            <ContactPreferencesCard workerId={w.id} phone={w.phone ?? null} email={w.email ?? null} />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="metiers">
          <JobsTab worker={w} />
        </Tabs.Panel>
        <Tabs.Panel value="pass">
          <PassTab worker={w} />
        </Tabs.Panel>
        <Tabs.Panel value="contrats">
          <ContractsTab worker={w} />
        </Tabs.Panel>
        {can('support.read') && (
          <Tabs.Panel value="accompagnement">
            <SupportFileTab workerId={workerId} exited={!!w.exit} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

function IdentityTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const referents = useQuery({
    queryKey: ['referents', orgId],
    queryFn: () => api<{ items: { id: string; name: string }[] }>(`/api/orgs/${orgId}/workers/referents`),
  });
  const [form, setForm] = useState({
    firstName: w.firstName,
    lastName: w.lastName,
    birthDate: w.birthDate,
    phone: w.phone ?? '',
    email: w.email ?? '',
    line: w.address.line ?? '',
    postalCode: w.address.postalCode ?? '',
    communeCode: w.address.communeCode,
    communeLabel: w.address.communeName ?? '',
    maxHoursPerWeek: (w.maxHoursPerWeek ?? '') as number | string,
    referentUserId: w.referent?.id ?? null,
  });
  const set = (p: Partial<typeof form>) => setForm({ ...form, ...p });
  const save = usePatchWorker(orgId, workerId);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      firstName: form.firstName,
      lastName: form.lastName,
      birthDate: form.birthDate,
      phone: form.phone || null,
      email: form.email || null,
      address: {
        line: form.line || undefined,
        postalCode: form.postalCode || undefined,
        communeCode: form.communeCode,
      },
      maxHoursPerWeek: form.maxHoursPerWeek === '' ? null : Number(form.maxHoursPerWeek),
      referentUserId: form.referentUserId,
    });
  };
  return (
    <Card withBorder maw={760} component="form" onSubmit={submit}>
      <ErrorAlert error={save.error} title="Fiche non enregistrée" />
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
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
          <TextInput label="Adresse" value={form.line} onChange={(e) => set({ line: e.currentTarget.value })} />
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
              error={errors['address.communeCode']}
            />
          </SimpleGrid>
          <Select
            label="Référent·e de l’accompagnement"
            data={(referents.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={form.referentUserId}
            onChange={(v) => set({ referentUserId: v })}
            clearable
            error={errors.referentUserId}
          />
          {canWrite && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Enregistrer
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Card>
  );
}

function JobsTab({ worker: w }: { worker: Worker }) {
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
          `${WEEKDAYS[Number(d)]} : écrivez des plages comme 08:00-12:00, séparées par des virgules.`,
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
              label={WEEKDAYS[d]}
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

function UnavailabilitiesSection({ workerId }: { workerId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['unavailabilities', orgId, workerId],
    queryFn: () =>
      api<{ items: { id: string; start: string; end: string; reason: string | null }[] }>(
        `/api/orgs/${orgId}/workers/${workerId}/unavailabilities`,
      ),
    enabled: can('unavailability.read'),
  });
  const [form, setForm] = useState({ start: '', end: '', reason: '' });
  const text = textFields(form, setForm);
  const add = useMutation({
    mutationFn: () =>
      api(`/api/orgs/${orgId}/workers/${workerId}/unavailabilities`, {
        body: {
          start: new Date(form.start).toISOString(),
          end: new Date(form.end).toISOString(),
          reason: form.reason || null,
        },
      }),
    onSuccess: () => {
      setForm({ start: '', end: '', reason: '' });
      qc.invalidateQueries({ queryKey: ['unavailabilities', orgId, workerId] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      api(`/api/orgs/${orgId}/workers/${workerId}/unavailabilities/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['unavailabilities', orgId, workerId] }),
  });
  if (!can('unavailability.read')) return null;
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Section title="Indisponibilités ponctuelles">
      {list.data?.items.length ? (
        <Table mb="sm">
          <Table.Tbody>
            {list.data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {formatDateTime(u.start)} → {formatDateTime(u.end)}
                </Table.Td>
                <Table.Td>{u.reason}</Table.Td>
                <Table.Td>
                  {can('unavailability.write') && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(u.id)}>
                      Supprimer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Aucune indisponibilité à venir.
        </Text>
      )}
      {can('unavailability.write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <ErrorAlert error={add.error} title="Indisponibilité non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput type="datetime-local" label="Début" {...text('start')} error={errors.start} required />
            <TextInput type="datetime-local" label="Fin" {...text('end')} error={errors.end} required />
            <TextInput label="Motif" {...text('reason')} />
            <Button type="submit" loading={add.isPending}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}

function CertificatesSection({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const qc = useQueryClient();
  const [form, setForm] = useState({
    kind: 'driving_licence' as string | null,
    label: '',
    obtainedOn: '',
    expiresOn: '',
  });
  const text = textFields(form, setForm);
  const add = useMutation({
    mutationFn: () =>
      api(`/api/orgs/${orgId}/workers/${workerId}/certificates`, {
        body: {
          kind: form.kind,
          label: form.label || CERTIFICATE_KINDS[form.kind ?? 'other'],
          obtainedOn: form.obtainedOn || null,
          expiresOn: form.expiresOn || null,
        },
      }),
    onSuccess: () => {
      setForm({ kind: 'driving_licence', label: '', obtainedOn: '', expiresOn: '' });
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/orgs/${orgId}/workers/${workerId}/certificates/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] }),
  });
  return (
    <Section title="Certificats et habilitations">
      {w.certificates.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          Aucun certificat enregistré.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Tbody>
            {w.certificates.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>{c.obtainedOn ? `obtenu le ${formatDate(c.obtainedOn)}` : ''}</Table.Td>
                <Table.Td>{c.expiresOn ? `expire le ${formatDate(c.expiresOn)}` : ''}</Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(c.id)}>
                      Retirer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <ErrorAlert error={add.error} title="Certificat non enregistré" />
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Type"
              data={Object.entries(CERTIFICATE_KINDS).map(([value, label]) => ({ value, label }))}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: v })}
              allowDeselect={false}
            />
            <TextInput label="Intitulé" {...text('label')} placeholder="ex. Permis B" />
            <TextInput type="date" label="Obtenu le" {...text('obtainedOn')} />
            <TextInput type="date" label="Expire le" {...text('expiresOn')} />
            <Button type="submit" loading={add.isPending}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}

function HealthVisitsSection({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('worker.write');
  const qc = useQueryClient();
  const [form, setForm] = useState({ kind: 'Visite d’information et de prévention', dueOn: '' });
  const text = textFields(form, setForm);
  const refresh = () => qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
  const add = useMutation({
    mutationFn: () => api(`/api/orgs/${orgId}/workers/${workerId}/health-visits`, { body: form }),
    onSuccess: refresh,
  });
  const done = useMutation({
    mutationFn: (id: string) =>
      api(`/api/orgs/${orgId}/workers/${workerId}/health-visits/${id}`, {
        method: 'PATCH',
        body: { doneOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) },
      }),
    onSuccess: refresh,
  });
  return (
    <Section title="Suivi de santé au travail">
      <Text size="sm" mb="xs">
        La visite d’information et de prévention est due dans le mois qui suit la première mise à disposition, et avant
        tout créneau de nuit (art. R5132-26-7 du Code du travail) : Passerelle la prévoit à la première mise à
        disposition et prévient la personne chargée de l’accompagnement.
      </Text>
      {w.healthVisits.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          Aucune visite prévue.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Tbody>
            {w.healthVisits.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.kind}</Table.Td>
                <Table.Td>
                  {v.doneOn ? (
                    `faite le ${formatDate(v.doneOn)}`
                  ) : v.overdue ? (
                    <Badge color="red.9">en retard : prévue le {formatDate(v.dueOn)}</Badge>
                  ) : (
                    `à faire avant le ${formatDate(v.dueOn)}`
                  )}
                </Table.Td>
                <Table.Td>
                  {canWrite && !v.doneOn && (
                    <Button size="xs" variant="light" onClick={() => done.mutate(v.id)}>
                      Marquer faite aujourd’hui
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <ErrorAlert error={add.error} title="Visite non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Visite" {...text('kind')} w={320} />
            <TextInput type="date" label="À faire avant le" {...text('dueOn')} required />
            <Button type="submit" loading={add.isPending}>
              Prévoir
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}

function PassTab({ worker: w }: { worker: Worker }) {
  const { workerId } = useWorker();
  const canWrite = useCan()('eligibility.write');
  const p = w.pass;
  return (
    <>
      <Section
        title="PASS IAE"
        actions={
          canWrite && (
            <Group gap="xs">
              {p && (
                <FormModal label="Suspendre" title="Suspendre le PASS IAE">
                  {(close) => <SuspensionForm workerId={workerId} passId={p.id} onDone={close} />}
                </FormModal>
              )}
              {p && (
                <FormModal label="Prolonger" title="Prolonger le PASS IAE">
                  {(close) => <ExtensionForm workerId={workerId} pass={p} onDone={close} />}
                </FormModal>
              )}
              <FormModal label="Nouveau PASS" title="Enregistrer un PASS IAE">
                {(close) => <PassForm workerId={workerId} onDone={close} />}
              </FormModal>
            </Group>
          )
        }
      >
        {!p ? (
          <Text c="dimmed">Aucun PASS IAE enregistré : aucune mission ne peut être confiée.</Text>
        ) : (
          <Stack gap="xs">
            <Text>
              N° <strong>{p.number}</strong>, du {formatDate(p.startDate)} au <strong>{formatDate(p.endDate)}</strong>{' '}
              {p.daysLeft >= 0 ? `(encore ${p.daysLeft} jours)` : '(expiré)'}
            </Text>
            {p.endDate !== p.baseEndDate && <Text size="sm">Fin initiale : {formatDate(p.baseEndDate)}</Text>}
            {p.suspendedToday && (
              <Text size="sm" fw={600} c="orange">
                PASS suspendu aujourd’hui : aucune mission ne peut être confiée pendant la suspension.
              </Text>
            )}
            {p.suspensions.map((s) => (
              <Text size="sm" key={s.id}>
                Suspendu du {formatDate(s.startDate)} au {formatDate(s.endDate)} :{' '}
                {SUSPENSION_REASONS[s.reason] ?? s.reason}
                {s.explanation ? ` — ${s.explanation}` : ''}
              </Text>
            ))}
            {p.extensions.map((e) => (
              <Group key={e.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  Prolongation de {e.months} mois ({PASS_EXTENSIONS[e.reason] ?? e.reason}) demandée le{' '}
                  {formatDate(e.requestedOn)} : <strong>{EXTENSION_STATUSES[e.status]}</strong>
                  {e.decidedOn && e.status !== 'pending'
                    ? ` le ${formatDate(e.decidedOn)}${e.decidedBy ? ` par ${e.decidedBy}` : ''}`
                    : ''}
                  {e.evidence ? ` — ${e.evidence}` : ''}
                </Text>
                {e.status === 'pending' && canWrite && (
                  <FormModal label="Enregistrer la décision" title="Décision du prescripteur habilité">
                    {(close) => (
                      <ExtensionDecisionForm workerId={workerId} passId={p.id} extensionId={e.id} onDone={close} />
                    )}
                  </FormModal>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      <Section
        title="Diagnostics d’éligibilité"
        actions={
          canWrite && (
            <FormModal label="Nouveau diagnostic" title="Diagnostic d’éligibilité">
              {(close) => <DiagnosisForm workerId={workerId} onDone={close} />}
            </FormModal>
          )
        }
      >
        {w.diagnoses.length === 0 ? (
          <Text c="dimmed">Aucun diagnostic enregistré.</Text>
        ) : (
          <Stack>
            {w.diagnoses.map((d) => (
              <div key={d.id}>
                <Group gap="xs">
                  <Text fw={600}>
                    {formatDate(d.madeOn)} ·{' '}
                    {d.author === 'ai' ? 'par la structure' : `par ${d.prescriberName ?? 'un prescripteur'}`}
                  </Text>
                  <Badge color={d.eligible ? 'teal.9' : 'gray.7'}>{d.eligible ? 'Éligible' : 'Non éligible'}</Badge>
                  <Badge color={d.valid ? 'blue.9' : 'gray.7'} variant="outline">
                    {d.valid ? `valable jusqu’au ${formatDate(d.validUntil)}` : `expiré le ${formatDate(d.validUntil)}`}
                  </Badge>
                </Group>
                {d.restricted ? (
                  <Reserved what="Critères et justificatifs" />
                ) : (
                  <Text size="sm">{d.criteria.map((c) => CRITERION_LABELS[c] ?? c).join(' · ')}</Text>
                )}
                {d.evidence && (
                  <Text size="sm" c="dimmed">
                    Justificatifs : {d.evidence}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}

function ContractsTab({ worker: w }: { worker: Worker }) {
  const { orgId, workerId } = useWorker();
  const canWrite = useCan()('employment_contract.write');
  return (
    <Section
      title="Contrats de travail"
      actions={
        canWrite && (
          <FormModal label="Nouveau contrat" title="Nouveau contrat de travail">
            {(close) => <ContractForm workerId={workerId} onDone={close} />}
          </FormModal>
        )
      }
    >
      {w.contracts.length === 0 ? (
        <Text c="dimmed">Aucun contrat.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th>Heures / semaine</Table.Th>
              <Table.Th>Document</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {w.contracts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{CONTRACT_KINDS[c.kind]}</Table.Td>
                <Table.Td>
                  du {formatDate(c.startDate)} {c.endDate ? `au ${formatDate(c.endDate)}` : '(sans terme)'}
                </Table.Td>
                <Table.Td>{formatMinutes(c.weeklyMinutes)}</Table.Td>
                <Table.Td>
                  <Anchor href={`/api/orgs/${orgId}/workers/${workerId}/contracts/${c.id}/pdf`} target="_blank">
                    PDF
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
