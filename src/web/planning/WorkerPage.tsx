import {
  Alert,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../api';
import { formatDate, formatMinutes } from '../format';
import { useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { addDays, longDay, parisClock, parisDay, parisIso, todayInParis } from './time';

type MyShift = {
  id: string;
  start: string;
  end: string;
  place: string;
  address: string;
  accessNotes: string | null;
  job: string;
};
type Proposal = { id: string; start: string; end: string; place: string; commune: string | null; job: string };

const Icon = ({ children }: { children: string }) => (
  <span aria-hidden="true" style={{ fontSize: 22, marginRight: 6 }}>
    {children}
  </span>
);

/**
 * The worker's page, made for a phone and in plain words (FALC): my next work, work proposed to me,
 * "I am not available", my calendar link.
 */
export function WorkerPage() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['planning', orgId, 'me'];
  const shifts = useQuery({
    queryKey: [...key, 'shifts'],
    queryFn: () => api<{ items: MyShift[] }>(`/api/orgs/${orgId}/me/shifts`),
  });
  const proposals = useQuery({
    queryKey: [...key, 'proposals'],
    queryFn: () => api<{ items: Proposal[] }>(`/api/orgs/${orgId}/me/proposals`),
  });
  const [said, setSaid] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (v: { id: string; answer: 'accept' | 'decline' }) =>
      api<{ status: string }>(`/api/orgs/${orgId}/me/proposals/${v.id}/${v.answer}`, { method: 'POST' }),
    onSuccess: (r) => {
      setSaid(
        r.status === 'accepted'
          ? 'Merci ! Ce travail est à vous. Il est dans « Mon travail ».'
          : r.status === 'taken'
            ? 'Une autre personne a déjà pris ce travail. Merci quand même.'
            : 'C’est noté : vous ne faites pas ce travail.',
      );
      qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Stack maw={560} gap="lg">
      <Title order={1} size="h2">
        Mon travail
      </Title>
      {said && (
        <Alert color="teal.9" role="status">
          {said}
        </Alert>
      )}
      <ErrorAlert error={answer.error} title="Ce n’est pas possible" />

      {(proposals.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="proposals-title">
          <Title order={2} size="h3" id="proposals-title" mb="xs">
            <Icon>📩</Icon>On vous propose du travail
          </Title>
          <Stack>
            {proposals.data!.items.map((p) => (
              <Card
                withBorder
                key={p.id}
                padding="md"
                style={{ borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 }}
              >
                <Text size="lg" fw={700} tt="capitalize">
                  <Icon>📅</Icon>
                  {longDay(parisDay(p.start))}
                </Text>
                <Text size="lg">
                  <Icon>🕒</Icon>
                  De {parisClock(p.start)} à {parisClock(p.end)}
                </Text>
                <Text size="lg">
                  <Icon>📍</Icon>
                  {p.place}
                  {p.commune ? `, ${p.commune}` : ''}
                </Text>
                <Text size="lg">
                  <Icon>🧹</Icon>
                  {p.job}
                </Text>
                <Group grow mt="md">
                  <Button
                    size="lg"
                    color="teal.9"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: p.id, answer: 'accept' })}
                  >
                    ✅ Oui, je viens
                  </Button>
                  <Button
                    size="lg"
                    variant="default"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: p.id, answer: 'decline' })}
                  >
                    ❌ Non
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        </section>
      )}

      <section aria-labelledby="next-title">
        <Title order={2} size="h3" id="next-title" mb="xs">
          <Icon>🗓️</Icon>Mes prochains travaux
        </Title>
        {!shifts.data ? (
          <Loading />
        ) : shifts.data.items.length === 0 ? (
          <Text size="lg">Vous n’avez pas de travail prévu.</Text>
        ) : (
          <Stack gap="sm">
            {shifts.data.items.slice(0, 14).map((s) => (
              <Card withBorder key={s.id} padding="sm">
                <Text size="lg" fw={700} tt="capitalize">
                  {longDay(parisDay(s.start))}
                </Text>
                <Text size="lg">
                  <Icon>🕒</Icon>
                  De {parisClock(s.start)} à {parisClock(s.end)}
                </Text>
                <Text size="lg">
                  <Icon>📍</Icon>
                  {s.place}
                </Text>
                {s.address && <Text c="dimmed">{s.address}</Text>}
                {s.accessNotes && <Text c="dimmed">{s.accessNotes}</Text>}
              </Card>
            ))}
          </Stack>
        )}
      </section>

      <MyHours />
      <SickLeave />
      <Unavailability />
      <CalendarLink />
    </Stack>
  );
}

function Unavailability() {
  const orgId = useOrgId();
  const { workerId } = useMembership();
  const qc = useQueryClient();
  const [day, setDay] = useState(addDays(todayInParis(), 1));
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('18:00');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const declare = useMutation({
    mutationFn: () =>
      api(`/api/orgs/${orgId}/workers/${workerId}/unavailabilities`, {
        body: { start: parisIso(day, from), end: parisIso(day, to), reason: reason || null },
      }),
    onSuccess: () => {
      setDone(true);
      qc.invalidateQueries({ queryKey: ['planning', orgId] });
    },
  });
  const errors = declare.error instanceof ApiError ? declare.error.fieldErrors : {};
  return (
    <section aria-labelledby="unavailable-title">
      <Title order={2} size="h3" id="unavailable-title" mb="xs">
        <Icon>🚫</Icon>Je ne suis pas disponible
      </Title>
      <Text mb="xs">Dites-nous quand vous ne pouvez pas travailler.</Text>
      <Text mb="xs">Si vous êtes malade, appelez aussi l’association.</Text>
      {done && (
        <Alert color="teal.9" role="status" mb="xs">
          C’est noté. On ne vous donnera pas de travail à ce moment.
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          declare.mutate();
        }}
      >
        <Stack gap="xs">
          <TextInput
            size="md"
            type="date"
            label="Le jour"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            required
          />
          <Group grow>
            <TextInput
              size="md"
              type="time"
              label="De"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              required
            />
            <TextInput
              size="md"
              type="time"
              label="À"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.end}
              required
            />
          </Group>
          <TextInput
            size="md"
            label="Pourquoi ? (si vous voulez)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={declare.error} title="Ce n’est pas possible" />
          <Button size="lg" type="submit" loading={declare.isPending}>
            Envoyer
          </Button>
        </Stack>
      </form>
    </section>
  );
}

function CalendarLink() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['planning', orgId, 'me', 'calendar'],
    queryFn: () => api<{ active: boolean }>(`/api/orgs/${orgId}/me/calendar`),
  });
  const [url, setUrl] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () => api<{ url: string }>(`/api/orgs/${orgId}/me/calendar`, { method: 'POST' }),
    onSuccess: (r) => {
      setUrl(r.url);
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'calendar'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api(`/api/orgs/${orgId}/me/calendar`, { method: 'DELETE' }),
    onSuccess: () => {
      setUrl(null);
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'calendar'] });
    },
  });
  return (
    <section aria-labelledby="calendar-title">
      <Title order={2} size="h3" id="calendar-title" mb="xs">
        <Icon>📱</Icon>Mon travail dans l’agenda du téléphone
      </Title>
      <Text mb="xs">Ce lien met votre travail dans l’agenda de votre téléphone.</Text>
      <Text mb="xs">Ne donnez ce lien à personne.</Text>
      <ErrorAlert error={issue.error ?? revoke.error} />
      {url && (
        <Stack gap="xs" mb="xs">
          <TextInput label="Mon lien d’agenda" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Lien copié' : 'Copier le lien'}</Button>}
          </CopyButton>
        </Stack>
      )}
      <Group>
        <Button variant="light" loading={issue.isPending} onClick={() => issue.mutate()}>
          {status.data?.active ? 'Faire un nouveau lien' : 'Créer mon lien'}
        </Button>
        {status.data?.active && (
          <Button variant="subtle" color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Arrêter le lien
          </Button>
        )}
      </Group>
    </section>
  );
}

/** "I am sick": an absence that frees my shifts; the association is told at once. */
function SickLeave() {
  const orgId = useOrgId();
  const { workerId } = useMembership();
  const qc = useQueryClient();
  const [from, setFrom] = useState(todayInParis());
  const [to, setTo] = useState(todayInParis());
  const [freed, setFreed] = useState<number | null>(null);
  const declare = useMutation({
    mutationFn: () =>
      api<{ uncoveredShiftIds: string[] }>(`/api/orgs/${orgId}/absences`, {
        body: {
          workerId,
          start: parisIso(from, '00:00'),
          end: parisIso(addDays(to, 1), '00:00'),
          reason: 'Déclarée par la personne (maladie ou empêchement)',
        },
      }),
    onSuccess: (r) => {
      setFreed(r.uncoveredShiftIds.length);
      qc.invalidateQueries({ queryKey: ['planning', orgId] });
    },
  });
  return (
    <section aria-labelledby="sick-title">
      <Title order={2} size="h3" id="sick-title" mb="xs">
        <Icon>🤒</Icon>Je suis malade, je ne peux pas venir
      </Title>
      <Text mb="xs">L’association sera prévenue tout de suite.</Text>
      <Text mb="xs">Elle cherchera une autre personne.</Text>
      {freed !== null && (
        <Alert color="teal" role="status" mb="xs">
          C’est noté. Soignez-vous bien.
          {freed > 0 ? ` ${freed} travail${freed > 1 ? 'x' : ''} sera donné à une autre personne.` : ''}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFreed(null);
          declare.mutate();
        }}
      >
        <Stack gap="xs">
          <Group grow>
            <TextInput
              size="md"
              type="date"
              label="Du"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              required
            />
            <TextInput
              size="md"
              type="date"
              label="Au"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              required
            />
          </Group>
          <ErrorAlert error={declare.error} title="Ce n’est pas possible" />
          <Button size="lg" color="red.9" type="submit" loading={declare.isPending}>
            Prévenir l’association
          </Button>
        </Stack>
      </form>
    </section>
  );
}

type MyHour = {
  shiftId: string;
  day: string;
  plannedStart: string;
  plannedEnd: string;
  place: string;
  job: string;
  entryId: string | null;
  actualStart: string;
  actualEnd: string;
  breakMinutes: number;
  minutes: number;
  state: 'none' | 'open' | 'validated' | 'invoiced';
  lastCorrection: { at: string; reason: string; byMe: boolean } | null;
};

const HOUR_STATE: Record<MyHour['state'], { label: string; color: string }> = {
  none: { label: 'Pas encore vérifié par le client', color: 'gray.8' },
  open: { label: 'Pas encore vérifié par le client', color: 'blue.9' },
  validated: { label: 'Vérifié par le client', color: 'teal.9' },
  invoiced: { label: 'Vérifié et facturé', color: 'dark' },
};

/** "My hours": the hours counted for my past work; I can say they are wrong (with a reason) until validated. */
function MyHours() {
  const orgId = useOrgId();
  const hours = useQuery({
    queryKey: ['planning', orgId, 'me', 'hours'],
    queryFn: () => api<{ items: MyHour[] }>(`/api/orgs/${orgId}/me/hours`),
  });
  const [all, setAll] = useState(false);
  const items = hours.data?.items ?? [];
  return (
    <section aria-labelledby="hours-title">
      <Title order={2} size="h3" id="hours-title" mb="xs">
        <Icon>⏱️</Icon>Mes heures travaillées
      </Title>
      <Text mb="xs">Voici les heures comptées pour votre travail.</Text>
      <Text mb="xs">Si une heure est fausse, corrigez-la et dites pourquoi.</Text>
      <ErrorAlert error={hours.error} />
      {!hours.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="lg">Pas de travail ces dernières semaines.</Text>
      ) : (
        <Stack gap="sm">
          {(all ? items : items.slice(0, 7)).map((h) => (
            <HourCard key={h.shiftId} h={h} />
          ))}
          {!all && items.length > 7 && (
            <Button variant="default" onClick={() => setAll(true)}>
              Voir tout mon travail des dernières semaines
            </Button>
          )}
        </Stack>
      )}
    </section>
  );
}

function HourCard({ h }: { h: MyHour }) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState(parisClock(h.actualStart));
  const [end, setEnd] = useState(parisClock(h.actualEnd));
  const [pause, setPause] = useState<number | string>(h.breakMinutes);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const canCorrect = h.state === 'none' || h.state === 'open';
  const send = useMutation({
    mutationFn: () => {
      const startDay = parisDay(h.actualStart);
      const endDay = end <= start ? addDays(startDay, 1) : startDay;
      return api(`/api/orgs/${orgId}/me/hours/${h.shiftId}/correction`, {
        body: {
          actualStart: parisIso(startDay, start),
          actualEnd: parisIso(endDay, end),
          breakMinutes: Number(pause) || 0,
          reason,
        },
      });
    },
    onSuccess: () => {
      setSaved(true);
      setOpen(false);
      setReason('');
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'hours'] });
    },
  });
  const errors = send.error instanceof ApiError ? send.error.fieldErrors : {};
  const state = HOUR_STATE[h.state];
  const id = `hours-${h.shiftId}`;
  return (
    <Card withBorder padding="sm" aria-labelledby={`${id}-day`}>
      <Text size="lg" fw={700} tt="capitalize" id={`${id}-day`}>
        {longDay(h.day)}
      </Text>
      <Text>
        <Icon>📍</Icon>
        {h.place} — {h.job}
      </Text>
      <Text>
        Prévu : de {parisClock(h.plannedStart)} à {parisClock(h.plannedEnd)}
      </Text>
      <Text fw={600}>
        Compté : de {parisClock(h.actualStart)} à {parisClock(h.actualEnd)}
        {h.breakMinutes ? `, pause ${h.breakMinutes} min` : ''} = {formatMinutes(h.minutes)}
      </Text>
      <Group gap="xs" mt={4}>
        <Badge color={state.color} variant="outline">
          {state.label}
        </Badge>
      </Group>
      {h.lastCorrection && (
        <Text size="sm" mt={4}>
          {h.lastCorrection.byMe ? 'Vous avez corrigé' : 'L’association a corrigé'} ces heures le{' '}
          {formatDate(h.lastCorrection.at)} : « {h.lastCorrection.reason} ».
          {h.state === 'open' || h.state === 'none' ? ' Le client verra la correction avant de valider.' : ''}
        </Text>
      )}
      {saved && (
        <Text role="status" c="teal.9" fw={700} mt="xs">
          C’est noté. Votre correction est enregistrée.
        </Text>
      )}
      {canCorrect && !open && (
        <Button variant="light" mt="xs" onClick={() => setOpen(true)} aria-describedby={`${id}-day`}>
          Corriger mes heures
        </Button>
      )}
      {!canCorrect && (
        <Text size="sm" c="dimmed" mt={4}>
          Le client a vérifié ces heures. Une erreur ? Appelez l’association.
        </Text>
      )}
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            send.mutate();
          }}
        >
          <Stack gap="xs" mt="xs">
            <Group grow>
              <TextInput
                size="md"
                type="time"
                label="Je suis arrivé·e à"
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
                error={errors.actualStart}
                required
              />
              <TextInput
                size="md"
                type="time"
                label="Je suis parti·e à"
                value={end}
                onChange={(e) => setEnd(e.currentTarget.value)}
                error={errors.actualEnd}
                required
              />
            </Group>
            <NumberInput
              size="md"
              label="Pause (en minutes)"
              min={0}
              max={600}
              value={pause}
              onChange={setPause}
              error={errors.breakMinutes}
            />
            <TextInput
              size="md"
              label="Pourquoi ?"
              description="Par exemple : le bus était en retard, j’ai fini plus tard."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              minLength={3}
            />
            <ErrorAlert error={send.error} title="Ce n’est pas possible" />
            <Group>
              <Button size="md" type="submit" loading={send.isPending}>
                Envoyer la correction
              </Button>
              <Button size="md" variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
