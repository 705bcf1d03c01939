import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ASP_EXIT_REASONS, type AspExitReason, aspReasonsOf } from '../../shared/asp-exit-reasons';
import { formatDate, formatMinutes } from '../../shared/format';
import { ApiError, api } from '../api';
import { FreeShiftsConfirm } from '../planning/FreeShiftsConfirm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, textFields } from '../shell/ui';
import {
  BARRIER_STATUSES,
  BARRIERS,
  EXITS,
  INTENSITIES,
  INTERVIEW_KINDS,
  STEP_STATUSES,
  TRAINING_STATUSES,
} from './labels';
import { Reserved } from './Reserved';

type SupportFile = {
  interviews: {
    id: string;
    heldOn: string;
    kind: string;
    notes: string | null;
    authorName: string | null;
    restricted?: boolean;
  }[];
  barriers: {
    id: string;
    category: string;
    intensity: number;
    status: string;
    details: string | null;
    restricted?: boolean;
    identifiedOn: string;
    liftedOn: string | null;
  }[];
  actions: {
    id: string;
    barrierId: string | null;
    label: string;
    partner: string | null;
    dueOn: string | null;
    status: string;
  }[];
  immersions: {
    id: string;
    host: string;
    startDate: string;
    endDate: string;
    objective: string;
    outcome: string | null;
  }[];
  trainings: {
    id: string;
    title: string;
    provider: string | null;
    startDate: string;
    endDate: string | null;
    status: string;
  }[];
  pathways: {
    id: string;
    title: string;
    startedOn: string;
    steps: { id: string; position: number; label: string; status: string; doneOn: string | null }[];
  }[];
  exit: {
    date: string;
    category: string;
    reason: string;
    aspReason?: string | null;
    minutesWorked: number;
    countsForStatistics: boolean;
  } | null;
};

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const options = (r: Record<string, string>) => Object.entries(r).map(([value, label]) => ({ value, label }));

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function useSupportMutation(workerId: string, path: string, method: 'POST' | 'PATCH' = 'POST', onDone?: () => void) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api(`/api/orgs/${orgId}/workers/${workerId}${path}`, { method, body }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] });
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
      onDone?.();
    },
  });
}

/** The support file (sensitive): only for support staff; every load is logged by the server. */
export function SupportFileTab({ workerId, exited }: { workerId: string; exited: boolean }) {
  const orgId = useOrgId();
  const file = useQuery({
    queryKey: ['support-file', orgId, workerId],
    queryFn: () => api<SupportFile>(`/api/orgs/${orgId}/workers/${workerId}/support`),
  });
  if (file.isPending) return <Loading />;
  if (!file.data) return <ErrorAlert error={file.error} />;
  const f = file.data;
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        Informations confidentielles : réservées à l’accompagnement et à la direction. Chaque consultation est
        enregistrée.
      </Text>
      <BarriersBlock workerId={workerId} file={f} />
      <InterviewsBlock workerId={workerId} file={f} />
      <ActionsBlock workerId={workerId} file={f} />
      <ImmersionsBlock workerId={workerId} file={f} />
      <TrainingsBlock workerId={workerId} file={f} />
      <PathwaysBlock workerId={workerId} file={f} />
      <ExitBlock workerId={workerId} file={f} exited={exited} />
    </>
  );
}

function BarriersBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const [form, setForm] = useState({ category: null as string | null, intensity: '2' as string | null, details: '' });
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/support/barriers', 'POST', () =>
    setForm({ category: null, intensity: '2', details: '' }),
  );
  const orgId = useOrgId();
  const qc = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) =>
      api(`/api/orgs/${orgId}/workers/${workerId}/support/barriers/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Block title="Freins périphériques">
      {file.barriers.length === 0 ? (
        <Text c="dimmed" size="sm" mb="sm">
          Aucun frein repéré.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Frein</Table.Th>
              <Table.Th>Intensité</Table.Th>
              <Table.Th>Détails</Table.Th>
              <Table.Th>Statut</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.barriers.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  {BARRIERS[b.category]}
                  <Text size="xs" c="dimmed">
                    repéré le {formatDate(b.identifiedOn)}
                    {b.liftedOn ? `, levé le ${formatDate(b.liftedOn)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{INTENSITIES[String(b.intensity)]}</Table.Td>
                <Table.Td>{b.restricted ? <Reserved /> : b.details}</Table.Td>
                <Table.Td>
                  {canWrite ? (
                    <Select
                      aria-label={`Statut du frein ${BARRIERS[b.category]}`}
                      data={options(BARRIER_STATUSES)}
                      value={b.status}
                      onChange={(v) => v && setStatus.mutate({ id: b.id, status: v })}
                      allowDeselect={false}
                      size="xs"
                      w={170}
                    />
                  ) : (
                    BARRIER_STATUSES[b.status]
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
            add.mutate({ category: form.category, intensity: Number(form.intensity), details: form.details || null });
          }}
        >
          <ErrorAlert error={add.error} title="Frein non enregistré" />
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Frein"
              data={options(BARRIERS)}
              value={form.category}
              onChange={(v) => setForm({ ...form, category: v })}
              error={errors.category}
              required
              w={240}
            />
            <Select
              label="Intensité"
              data={options(INTENSITIES)}
              value={form.intensity}
              onChange={(v) => setForm({ ...form, intensity: v })}
              allowDeselect={false}
              w={140}
            />
            <TextInput label="Détails" {...text('details')} w={320} />
            <Button type="submit" loading={add.isPending}>
              Ajouter le frein
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}

function InterviewsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const [form, setForm] = useState({ heldOn: today(), kind: 'follow_up' as string | null, notes: '' });
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/support/interviews', 'POST', () =>
    setForm({ heldOn: today(), kind: 'follow_up', notes: '' }),
  );
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Block title="Entretiens">
      <Stack gap="sm" mb="sm">
        {file.interviews.length === 0 && (
          <Text c="dimmed" size="sm">
            Aucun entretien.
          </Text>
        )}
        {file.interviews.map((i) => (
          <div key={i.id}>
            <Text size="sm" fw={600}>
              {formatDate(i.heldOn)} · {INTERVIEW_KINDS[i.kind]}
              {i.authorName ? ` · ${i.authorName}` : ''}
            </Text>
            {i.restricted ? (
              <Reserved what="Notes d’entretien" />
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.notes}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(form);
          }}
        >
          <ErrorAlert error={add.error} title="Entretien non enregistré" />
          <Stack>
            <Group>
              <TextInput type="date" label="Date de l’entretien" {...text('heldOn')} required />
              <Select
                label="Type d’entretien"
                data={options(INTERVIEW_KINDS)}
                value={form.kind}
                onChange={(v) => setForm({ ...form, kind: v })}
                allowDeselect={false}
              />
            </Group>
            <Textarea
              label="Notes de l’entretien"
              {...text('notes')}
              error={errors.notes}
              autosize
              minRows={3}
              required
            />
            <Group>
              <Button type="submit" loading={add.isPending}>
                Enregistrer l’entretien
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Block>
  );
}

function ActionsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const [form, setForm] = useState({ label: '', partner: '', barrierId: null as string | null, dueOn: '' });
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/support/actions', 'POST', () =>
    setForm({ label: '', partner: '', barrierId: null, dueOn: '' }),
  );
  const orgId = useOrgId();
  const qc = useQueryClient();
  const done = useMutation({
    mutationFn: (id: string) =>
      api(`/api/orgs/${orgId}/workers/${workerId}/support/actions/${id}`, {
        method: 'PATCH',
        body: { status: 'done' },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  return (
    <Block title="Actions et partenaires">
      {file.actions.length > 0 && (
        <Table mb="sm">
          <Table.Tbody>
            {file.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.label}</Table.Td>
                <Table.Td>{a.partner}</Table.Td>
                <Table.Td>{a.dueOn ? `pour le ${formatDate(a.dueOn)}` : ''}</Table.Td>
                <Table.Td>
                  {a.status === 'done' ? (
                    <Badge color="teal.9">Faite</Badge>
                  ) : canWrite ? (
                    <Button size="xs" variant="light" onClick={() => done.mutate(a.id)}>
                      Marquer faite
                    </Button>
                  ) : (
                    'Prévue'
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
            add.mutate({
              label: form.label,
              partner: form.partner || null,
              barrierId: form.barrierId,
              dueOn: form.dueOn || null,
            });
          }}
        >
          <ErrorAlert error={add.error} title="Action non enregistrée" />
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Action" {...text('label')} required w={280} />
            <TextInput label="Partenaire" {...text('partner')} />
            <Select
              label="Frein concerné"
              data={file.barriers.map((b) => ({ value: b.id, label: BARRIERS[b.category] }))}
              value={form.barrierId}
              onChange={(v) => setForm({ ...form, barrierId: v })}
              clearable
            />
            <TextInput type="date" label="Échéance" {...text('dueOn')} />
            <Button type="submit" loading={add.isPending}>
              Ajouter l’action
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}

function ImmersionsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const empty = { host: '', startDate: '', endDate: '', objective: '' };
  const [form, setForm] = useState(empty);
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/support/immersions', 'POST', () => setForm(empty));
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Block title="Immersions (PMSMP)">
      {file.immersions.length === 0 ? (
        <Text c="dimmed" size="sm" mb="sm">
          Aucune immersion.
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Tbody>
            {file.immersions.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.host}</Table.Td>
                <Table.Td>
                  du {formatDate(i.startDate)} au {formatDate(i.endDate)}
                </Table.Td>
                <Table.Td>{i.objective}</Table.Td>
                <Table.Td>
                  {i.outcome ?? (
                    <Text c="dimmed" size="sm">
                      Bilan à faire
                    </Text>
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
            add.mutate(form);
          }}
        >
          <ErrorAlert error={add.error} title="Immersion non enregistrée" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Structure d’accueil" {...text('host')} error={errors.host} required />
            <TextInput label="Objectif de l’immersion" {...text('objective')} error={errors.objective} required />
            <TextInput
              type="date"
              label="Début de l’immersion"
              {...text('startDate')}
              error={errors.startDate}
              required
            />
            <TextInput type="date" label="Fin de l’immersion" {...text('endDate')} error={errors.endDate} required />
          </SimpleGrid>
          <Button type="submit" mt="sm" loading={add.isPending}>
            Enregistrer l’immersion
          </Button>
        </form>
      )}
    </Block>
  );
}

function TrainingsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const empty = { title: '', provider: '', startDate: '', endDate: '' };
  const [form, setForm] = useState(empty);
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/support/trainings', 'POST', () => setForm(empty));
  return (
    <Block title="Formations">
      {file.trainings.map((t) => (
        <Text size="sm" key={t.id}>
          {t.title}
          {t.provider ? ` (${t.provider})` : ''} · à partir du {formatDate(t.startDate)} · {TRAINING_STATUSES[t.status]}
        </Text>
      ))}
      {file.trainings.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucune formation.
        </Text>
      )}
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              title: form.title,
              provider: form.provider || null,
              startDate: form.startDate,
              endDate: form.endDate || null,
            });
          }}
        >
          <ErrorAlert error={add.error} title="Formation non enregistrée" />
          <Group align="flex-end" wrap="wrap" mt="sm">
            <TextInput label="Formation" {...text('title')} required />
            <TextInput label="Organisme" {...text('provider')} />
            <TextInput type="date" label="Début de la formation" {...text('startDate')} required />
            <TextInput type="date" label="Fin de la formation" {...text('endDate')} />
            <Button type="submit" loading={add.isPending}>
              Ajouter
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}

function PathwaysBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const orgId = useOrgId();
  const canWrite = useCan()('support.write');
  const qc = useQueryClient();
  const templates = useQuery({
    queryKey: ['pathway-templates', orgId],
    queryFn: () => api<{ items: { key: string; title: string }[] }>(`/api/orgs/${orgId}/pathway-templates`),
  });
  const [template, setTemplate] = useState<string | null>('ehpad');
  const start = useSupportMutation(workerId, '/support/pathways');
  const step = useMutation({
    mutationFn: ({ pathwayId, stepId, status }: { pathwayId: string; stepId: string; status: string }) =>
      api(`/api/orgs/${orgId}/workers/${workerId}/support/pathways/${pathwayId}/steps/${stepId}`, {
        method: 'PATCH',
        body: { status },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  return (
    <Block title="Parcours">
      {file.pathways.map((p) => (
        <div key={p.id}>
          <Text fw={600}>
            {p.title} · commencé le {formatDate(p.startedOn)}
          </Text>
          <Table mb="sm">
            <Table.Tbody>
              {p.steps.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.position}. {s.label}
                  </Table.Td>
                  <Table.Td w={200}>
                    {canWrite ? (
                      <Select
                        aria-label={`Statut de l’étape ${s.position}`}
                        size="xs"
                        data={options(STEP_STATUSES)}
                        value={s.status}
                        onChange={(v) => v && step.mutate({ pathwayId: p.id, stepId: s.id, status: v })}
                        allowDeselect={false}
                      />
                    ) : (
                      STEP_STATUSES[s.status]
                    )}
                  </Table.Td>
                  <Table.Td>{s.doneOn ? formatDate(s.doneOn) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      {canWrite && (
        <Group align="flex-end">
          <ErrorAlert error={start.error} />
          <Select
            label="Modèle de parcours"
            data={(templates.data?.items ?? []).map((t) => ({ value: t.key, label: t.title }))}
            value={template}
            onChange={setTemplate}
            allowDeselect={false}
          />
          <Button onClick={() => start.mutate({ template })} loading={start.isPending}>
            Démarrer le parcours
          </Button>
        </Group>
      )}
    </Block>
  );
}

function ExitBlock({ workerId, file, exited }: { workerId: string; file: SupportFile; exited: boolean }) {
  const can = useCan();
  const [form, setForm] = useState({
    date: today(),
    category: null as string | null,
    aspReason: null as string | null,
    reason: '',
  });
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, '/exits');
  // The person's shifts after the exit date are named and freed with the exit (FreeShiftsConfirm).
  const [confirming, setConfirming] = useState(false);
  const [aspMissing, setAspMissing] = useState(false);
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  if (file.exit)
    return (
      <Block title="Sortie">
        <Text>
          {formatDate(file.exit.date)} · {EXITS[file.exit.category]}
        </Text>
        {file.exit.aspReason && file.exit.aspReason in ASP_EXIT_REASONS && (
          <Text size="sm">Motif ASP : {ASP_EXIT_REASONS[file.exit.aspReason as AspExitReason].label}</Text>
        )}
        <Text size="sm">{file.exit.reason}</Text>
        <Text size="sm" c="dimmed">
          {formatMinutes(file.exit.minutesWorked)} travaillées ·{' '}
          {file.exit.countsForStatistics ? 'comptée dans les statistiques' : 'non comptée (moins de 150 h travaillées)'}
        </Text>
      </Block>
    );
  if (!can('exit.write') || exited) return null;
  return (
    <Block title="Enregistrer la sortie">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // The ASP export needs the reason beside the category (issue 15, ASP monthly follow-up).
          setAspMissing(!form.aspReason);
          if (form.aspReason) setConfirming(true);
        }}
      >
        <FreeShiftsConfirm
          workerId={workerId}
          date={form.date}
          opened={confirming}
          onCancel={() => setConfirming(false)}
          onConfirm={(freeShifts) => {
            setConfirming(false);
            const { aspReason, ...rest } = form;
            add.mutate({ ...rest, ...(aspReason ? { aspReason } : {}), freeShifts });
          }}
        />
        <ErrorAlert error={add.error} title="Sortie non enregistrée" />
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label="Date de sortie" {...text('date')} error={errors.date} required />
            <Select
              label="Catégorie (ASP)"
              data={options(EXITS)}
              value={form.category}
              onChange={(v) => setForm({ ...form, category: v, aspReason: null })}
              error={errors.category}
              required
              w={{ base: '100%', sm: 420 }}
            />
            <Select
              label="Motif de sortie (ASP)"
              description="La liste de l’extranet IAE de l’ASP pour cette catégorie."
              placeholder={form.category ? 'Choisir le motif' : 'Choisissez d’abord la catégorie'}
              data={form.category ? aspReasonsOf(form.category) : []}
              value={form.aspReason}
              onChange={(v) => setForm({ ...form, aspReason: v })}
              error={errors.aspReason ?? (aspMissing && !form.aspReason ? 'Choisissez le motif de sortie.' : undefined)}
              disabled={!form.category}
              required
              w={{ base: '100%', sm: 420 }}
            />
          </Group>
          <TextInput
            label="Motif"
            {...text('reason')}
            error={errors.reason}
            required
            placeholder="ex. CDI agent de service à l’EHPAD Les Tilleuls"
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Enregistrer la sortie
            </Button>
          </Group>
        </Stack>
      </form>
    </Block>
  );
}
