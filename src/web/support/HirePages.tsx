import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import {
  HIRE_CONTRACT_KINDS,
  HIRE_CONTRACT_LABELS,
  HIRE_EXIT,
  HIRE_STATUS_LABELS,
  type HireContractKind,
  type HireDeclaration,
} from '../../shared/hires';
import { ApiError, api, qs } from '../api';
import { addDays, longDay, parisClock, parisDay, todayInParis } from '../planning/time';
import { useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { useHireDeclarations } from './badges';

const STATUS_COLORS = { pending: 'orange', confirmed: 'teal', declined: 'gray.8' } as const;
const EXIT_LABELS = { durable: 'sortie vers l’emploi durable', transition: 'sortie vers un emploi de transition' };

function StatusBadge({ d }: { d: HireDeclaration }) {
  return <Badge color={STATUS_COLORS[d.status]}>{HIRE_STATUS_LABELS[d.status]}</Badge>;
}

/** One declaration as a card: readable on a 360 px phone, no table to scroll. */
function DeclarationCard({
  d,
  client,
  children,
}: {
  d: HireDeclaration;
  client?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Card withBorder padding="sm" data-hire-declaration={d.id} aria-labelledby={`hire-${d.id}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={`hire-${d.id}`}>
          {client ? d.workerName : `${d.clientName} embauche ${d.workerName}`}
        </Title>
        <StatusBadge d={d} />
      </Group>
      <Text size="sm">
        {HIRE_CONTRACT_LABELS[d.contractKind]} à partir du {formatDate(d.hireDate)} · déclarée le{' '}
        {formatDate(d.declaredAt)}
        {d.declaredByName ? ` par ${d.declaredByName}` : ''}
      </Text>
      {d.message && (
        <Text size="sm" c="dimmed">
          « {d.message} »
        </Text>
      )}
      {d.answerNote && <Text size="sm">Réponse de l’association : {d.answerNote}</Text>}
      {children}
    </Card>
  );
}

/**
 * The client portal's « Déclarer une embauche » (issue 14): the client says it hires a person who worked for it;
 * the person's support officer confirms it as their exit to employment. Cards, not a table: usable at 360 px.
 */
export function PortalHiresPage() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const list = useHireDeclarations();
  const candidates = useQuery({
    queryKey: ['hire-candidates', orgId],
    queryFn: () => api<{ items: { id: string; name: string }[] }>(`/api/orgs/${orgId}/hire-declarations/candidates`),
  });
  const [form, setForm] = useState({
    workerId: null as string | null,
    hireDate: todayInParis(),
    contractKind: 'cdi' as HireContractKind,
    message: '',
  });
  const [done, setDone] = useState<string | null>(null);
  const declare = useMutation({
    mutationFn: () => api<HireDeclaration>(`/api/orgs/${orgId}/hire-declarations`, { body: form }),
    onSuccess: (d) => {
      setDone(`L’embauche de ${d.workerName} est déclarée. L’association la confirme et vous répond ici.`);
      setForm({ ...form, workerId: null, message: '' });
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      qc.invalidateQueries({ queryKey: ['hire-candidates', orgId] });
    },
  });
  const errors = declare.error instanceof ApiError ? declare.error.fieldErrors : {};
  return (
    <>
      <PageHeader
        title="Déclarer une embauche"
        subtitle="Vous embauchez une personne venue chez vous avec l’association ? Dites-le ici : son accompagnateur ou son accompagnatrice confirme et organise la suite."
      />
      {done && (
        <Alert color="green" role="status" mb="md">
          {done}
        </Alert>
      )}
      <Card withBorder mb="lg" maw={560}>
        <form
          aria-label="Déclarer une embauche"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            declare.mutate();
          }}
        >
          <Stack>
            {candidates.isPending ? (
              <Loading />
            ) : (candidates.data?.items.length ?? 0) === 0 ? (
              <Text c="dimmed">
                Personne à déclarer : seules les personnes venues chez vous cette année, encore à l’association,
                apparaissent ici.
              </Text>
            ) : (
              <Select
                label="Personne embauchée"
                placeholder="Choisissez la personne"
                data={candidates.data!.items.map((c) => ({ value: c.id, label: c.name }))}
                value={form.workerId}
                onChange={(v) => setForm({ ...form, workerId: v })}
                searchable
                required
                error={errors.workerId}
              />
            )}
            <TextInput
              type="date"
              label="Date d’embauche"
              value={form.hireDate}
              onChange={(e) => setForm({ ...form, hireDate: e.currentTarget.value })}
              required
              error={errors.hireDate}
            />
            <Radio.Group
              label="Contrat"
              value={form.contractKind}
              onChange={(v) => setForm({ ...form, contractKind: v as HireContractKind })}
            >
              <Stack gap={6} mt={6}>
                {HIRE_CONTRACT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={HIRE_CONTRACT_LABELS[k]} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Message pour l’association (facultatif)"
              value={form.message}
              onChange={(e) => setForm({ ...form, message: e.currentTarget.value })}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <ErrorAlert error={declare.error} title="Embauche non déclarée" />
            <Group>
              <Button type="submit" loading={declare.isPending} disabled={!form.workerId}>
                Déclarer l’embauche
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4" mb="xs">
        Mes déclarations
      </Title>
      {list.isPending ? (
        <Loading />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>Aucune embauche déclarée.</Empty>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <DeclarationCard key={d.id} d={d} client />
          ))}
        </Stack>
      )}
    </>
  );
}

type ShiftsAfter = {
  workerName: string;
  count: number;
  items: { id: string; start: string; end: string; clientName: string; siteName: string }[];
};

/** The confirmation names the exit it records and the shifts it frees (UX.md: nothing irreversible by accident). */
function ConfirmHire({ d, onClose }: { d: HireDeclaration; onClose: (message?: string) => void }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const [exitDate, setExitDate] = useState(addDays(d.hireDate, -1));
  const [note, setNote] = useState('');
  const after = useQuery({
    queryKey: ['planning', orgId, 'shifts-after', d.workerId, exitDate],
    queryFn: () => api<ShiftsAfter>(`/api/orgs/${orgId}/workers/${d.workerId}/shifts-after${qs({ date: exitDate })}`),
    enabled: !!exitDate,
    staleTime: 0,
  });
  const confirm = useMutation({
    mutationFn: () =>
      api<HireDeclaration>(`/api/orgs/${orgId}/hire-declarations/${d.id}/confirm`, {
        body: { exitDate, note: note || null, freeShifts: (after.data?.count ?? 0) > 0 },
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      qc.invalidateQueries({ queryKey: ['planning', orgId] });
      onClose(`Sortie de ${d.workerName} enregistrée : ${EXIT_LABELS[HIRE_EXIT[d.contractKind].category]}.`);
    },
  });
  const n = after.data?.count ?? 0;
  return (
    <Modal opened onClose={() => onClose()} title={`Confirmer l’embauche de ${d.workerName}`} centered size="lg">
      <Stack>
        <Text>
          La sortie de {d.workerName} sera enregistrée : {EXIT_LABELS[HIRE_EXIT[d.contractKind].category]} (
          {HIRE_CONTRACT_LABELS[d.contractKind]}), employeur {d.clientName}.
        </Text>
        <TextInput
          type="date"
          label="Dernier jour à l’association"
          value={exitDate}
          onChange={(e) => setExitDate(e.currentTarget.value)}
          required
        />
        {after.isPending ? (
          <Loading />
        ) : n > 0 ? (
          <>
            <Text fw={500}>
              {n} créneau{n > 1 ? 'x' : ''} {n > 1 ? 'seront libérés' : 'sera libéré'} : {d.workerName} n’y ira pas,{' '}
              {n > 1 ? 'ils redeviennent' : 'il redevient'} à pourvoir.
            </Text>
            <List size="sm" data-testid="shifts-to-free">
              {after.data!.items.map((s) => (
                <List.Item key={s.id}>
                  {longDay(parisDay(s.start))}, {parisClock(s.start)}–{parisClock(s.end)} · {s.clientName} ({s.siteName}
                  )
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Aucun créneau à libérer après cette date.
          </Text>
        )}
        <Textarea label="Note (facultatif)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
        <ErrorAlert error={confirm.error} title="Sortie non enregistrée" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose()}>
            Annuler
          </Button>
          <Button
            color="teal.9"
            loading={confirm.isPending}
            disabled={after.isPending}
            onClick={() => confirm.mutate()}
          >
            {n > 0
              ? `Libérer ${n > 1 ? `les ${n} créneaux` : 'le créneau'} et enregistrer la sortie`
              : 'Enregistrer la sortie'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeclineHire({ d, onClose }: { d: HireDeclaration; onClose: (message?: string) => void }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const decline = useMutation({
    mutationFn: () => api<HireDeclaration>(`/api/orgs/${orgId}/hire-declarations/${d.id}/decline`, { body: { note } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['hire-declarations', orgId] });
      onClose(`Déclaration non retenue : ${d.clientName} lira votre réponse.`);
    },
  });
  const errors = decline.error instanceof ApiError ? decline.error.fieldErrors : {};
  return (
    <Modal opened onClose={() => onClose()} title="Ne pas retenir cette embauche" centered>
      <Stack>
        <Textarea
          label="Pourquoi ? (le client lira cette réponse)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          error={errors.note}
        />
        <ErrorAlert error={decline.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose()}>
            Annuler
          </Button>
          <Button loading={decline.isPending} onClick={() => decline.mutate()}>
            Envoyer la réponse
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The support staff's page: hires declared by clients, to confirm as exits (or decline), waiting ones first. */
export function HiresPage() {
  const list = useHireDeclarations();
  const [confirming, setConfirming] = useState<HireDeclaration | null>(null);
  const [declining, setDeclining] = useState<HireDeclaration | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = (message?: string) => {
    setConfirming(null);
    setDeclining(null);
    if (message) setNotice(message);
  };
  return (
    <>
      <PageHeader
        title="Embauches déclarées"
        subtitle="Les clients qui embauchent une personne de l’association : confirmez sa sortie vers l’emploi."
      />
      {notice && (
        <Alert color="green" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>Aucune embauche déclarée par les clients.</Empty>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <DeclarationCard key={d.id} d={d}>
              <Group mt="xs" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`../salaries/${d.workerId}`} relative="path" size="sm">
                  Fiche de {d.workerName}
                </Anchor>
                {d.status === 'pending' && (
                  <>
                    <Button size="xs" onClick={() => setConfirming(d)}>
                      Confirmer la sortie
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDeclining(d)}>
                      Ne pas retenir
                    </Button>
                  </>
                )}
              </Group>
            </DeclarationCard>
          ))}
        </Stack>
      )}
      {confirming && <ConfirmHire d={confirming} onClose={close} />}
      {declining && <DeclineHire d={declining} onClose={close} />}
    </>
  );
}
