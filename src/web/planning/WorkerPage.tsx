import {
  Alert,
  Anchor,
  Badge,
  Card,
  CopyButton,
  Group,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { formatDate, formatMinutes } from '../../shared/format';
import { ApiError, api } from '../api';
import {
  IconArrive,
  IconBell,
  IconCalendar,
  IconCheck,
  IconClock,
  IconCross,
  IconEdit,
  IconHours,
  IconJob,
  IconLeave,
  IconLink,
  IconMessage,
  IconMore,
  IconPhone,
  IconPin,
  IconSend,
  IconSick,
  IconSpeaker,
  IconStop,
  IconUnavailable,
} from '../shell/icons';
import { useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { BigButton, dayTitle, Line } from './falc';
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
type ClockItem = {
  shiftId: string;
  start: string;
  end: string;
  place: string;
  arrivedAt: string | null;
  leftAt: string | null;
  canArrive: boolean;
  canLeave: boolean;
};
type Clock = { mode: 'off' | 'on' | 'with_position'; sharePosition: boolean; items: ClockItem[] };

const hours = (s: { start: string; end: string }) => `De ${parisClock(s.start)} à ${parisClock(s.end)}.`;

/** A titled block of the page: one job, one action (data-falc-block, checked by e2e/phone.test.ts). */
function Block({
  id,
  icon: Icon,
  title,
  children,
}: {
  id: string;
  icon: typeof IconCalendar;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} data-falc-block={id}>
      <Title order={2} size="h3" id={`${id}-title`} mb="xs">
        <Group gap={8} wrap="nowrap" component="span">
          <Icon size={26} />
          <span>{title}</span>
        </Group>
      </Title>
      <Stack gap="xs">{children}</Stack>
    </section>
  );
}

/**
 * The worker's page, made for a phone and in plain words (FALC): short sentences, one idea per line, a pictogram
 * beside every action, big buttons. The next work comes first (with « J'arrive » / « Je pars » when the
 * association uses clock-in), then the work proposed; the other actions are one tap away at the top.
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
          ? 'Merci ! Ce travail est à vous.'
          : r.status === 'taken'
            ? 'Une autre personne a déjà pris ce travail. Merci quand même.'
            : 'C’est noté. Vous ne faites pas ce travail.',
      );
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const items = shifts.data?.items ?? [];
  const next = items[0];
  const later = items.slice(1);
  const offered = proposals.data?.items ?? [];
  const spoken = [
    next
      ? `Votre prochain travail. ${longDay(parisDay(next.start))}. ${hours(next)} ${next.place}. ${next.address}.`
      : 'Vous n’avez pas de travail prévu.',
    ...offered.map((p) => `On vous propose un travail. ${longDay(parisDay(p.start))}. ${hours(p)} ${p.place}.`),
  ].join(' ');
  return (
    <Stack maw={560} gap="xl">
      <Stack gap="sm">
        <Title order={1} size="h2">
          Mon travail
        </Title>
        <ReadAloud text={spoken} />
      </Stack>
      {said && (
        <Alert color="teal.9" variant="filled" role="status">
          {said}
        </Alert>
      )}
      <ErrorAlert error={answer.error} title="Ce n’est pas possible" />

      <Block id="next" icon={IconCalendar} title="Mon prochain travail">
        {!shifts.data ? (
          <Loading />
        ) : !next ? (
          <Text size="lg">Vous n’avez pas de travail prévu.</Text>
        ) : (
          <Card withBorder padding="md" style={{ borderWidth: 2 }}>
            <Stack gap={6}>
              <Line icon={IconCalendar} strong>
                {dayTitle(next.start)}
              </Line>
              <Line icon={IconClock}>{hours(next)}</Line>
              <Line icon={IconPin}>{next.place}.</Line>
              {next.address && <Text c="dimmed">{next.address}</Text>}
              {next.accessNotes && <Text c="dimmed">{next.accessNotes}</Text>}
              <Line icon={IconJob}>{next.job}.</Line>
            </Stack>
          </Card>
        )}
        <ClockIn />
      </Block>

      {offered.length > 0 && (
        <section aria-labelledby="proposals-title">
          <Title order={2} size="h3" id="proposals-title" mb="xs">
            <Group gap={8} wrap="nowrap" component="span">
              <IconMessage size={26} />
              <span>On vous propose du travail</span>
            </Group>
          </Title>
          <Stack>
            {offered.map((p) => (
              <Card
                withBorder
                key={p.id}
                padding="md"
                data-falc-block={`proposal-${p.id}`}
                style={{ borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 }}
              >
                <Stack gap={6}>
                  <Line icon={IconCalendar} strong>
                    {dayTitle(p.start)}
                  </Line>
                  <Line icon={IconClock}>{hours(p)}</Line>
                  <Line icon={IconPin}>
                    {p.place}
                    {p.commune ? `, ${p.commune}` : ''}.
                  </Line>
                  <Line icon={IconJob}>{p.job}.</Line>
                  <Text size="lg" fw={600} mt="xs">
                    Voulez-vous faire ce travail ?
                  </Text>
                  <BigButton
                    icon={IconCheck}
                    action="answer"
                    color="teal.9"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: p.id, answer: 'accept' })}
                  >
                    Oui, je viens
                  </BigButton>
                  <BigButton
                    icon={IconCross}
                    action="answer"
                    variant="default"
                    loading={answer.isPending}
                    onClick={() => answer.mutate({ id: p.id, answer: 'decline' })}
                  >
                    Non, je ne peux pas
                  </BigButton>
                </Stack>
              </Card>
            ))}
          </Stack>
        </section>
      )}

      <nav aria-labelledby="more-title">
        <Title order={2} size="h3" id="more-title" mb="xs">
          <Group gap={8} wrap="nowrap" component="span">
            <IconMore size={26} />
            <span>Autre chose ?</span>
          </Group>
        </Title>
        <Stack gap="xs">
          <BigButton icon={IconSick} action="go" component="a" href="#sick" color="red.9">
            Je suis malade
          </BigButton>
          <BigButton icon={IconUnavailable} action="go" component="a" href="#unavailable" variant="light">
            Je ne suis pas disponible
          </BigButton>
          <BigButton icon={IconHours} action="go" component="a" href="#hours" variant="light">
            Mes heures travaillées
          </BigButton>
          <BigButton icon={IconBell} action="go" component="a" href="#contact" variant="light">
            Comment on me prévient
          </BigButton>
        </Stack>
      </nav>

      <LaterShifts items={later} />
      <MyHours />
      <SickLeave />
      <Unavailability />
      <ContactPreferences />
      <CalendarLink />
    </Stack>
  );
}

/** « Lire à voix haute »: the browser's speech synthesis reads the page's main facts in French. */
function ReadAloud({ text }: { text: string }) {
  const [supported, setSupported] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setSupported(typeof window !== 'undefined' && 'speechSynthesis' in window);
    return () => {
      if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    };
  }, []);
  if (!supported) return null;
  return (
    <div data-falc-block="read-aloud">
      <BigButton
        icon={speaking ? IconStop : IconSpeaker}
        action="read-aloud"
        variant="light"
        onClick={() => {
          const synth = window.speechSynthesis;
          if (speaking) {
            synth.cancel();
            setSpeaking(false);
            return;
          }
          const u = new SpeechSynthesisUtterance(text);
          u.lang = 'fr-FR';
          u.rate = 0.9;
          const voice = synth.getVoices().find((v) => v.lang.startsWith('fr'));
          if (voice) u.voice = voice;
          u.onend = () => setSpeaking(false);
          u.onerror = () => setSpeaking(false);
          synth.cancel();
          synth.speak(u);
          setSpeaking(true);
        }}
      >
        {speaking ? 'Arrêter la lecture' : 'Lire à voix haute'}
      </BigButton>
    </div>
  );
}

/** « J'arrive » / « Je pars » on today's shifts, when the association uses clock-in. */
function ClockIn() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const clock = useQuery({
    queryKey: ['planning', orgId, 'me', 'clock'],
    queryFn: () => api<Clock>(`/api/orgs/${orgId}/me/clock`),
  });
  const [done, setDone] = useState<string | null>(null);
  const punch = useMutation({
    mutationFn: async (v: { shiftId: string; kind: 'arrive' | 'leave' }) => {
      const position = clock.data?.mode === 'with_position' && clock.data.sharePosition ? await locate() : null;
      return api<{ kind: string; at: string }>(`/api/orgs/${orgId}/me/shifts/${v.shiftId}/clock`, {
        body: { kind: v.kind, position },
      });
    },
    onSuccess: (r) => {
      setDone(
        r.kind === 'arrive'
          ? `C’est noté. Vous êtes arrivé·e à ${parisClock(r.at)}.`
          : `C’est noté. Vous êtes parti·e à ${parisClock(r.at)}. Merci !`,
      );
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me'] });
    },
  });
  const items = clock.data?.items ?? [];
  if (!clock.data || clock.data.mode === 'off' || items.length === 0) return null;
  return (
    <Stack gap="xs" data-falc-block="clock">
      <Text size="lg" fw={700}>
        Aujourd’hui, dites quand vous arrivez et quand vous partez.
      </Text>
      {done && (
        <Alert color="teal.9" variant="filled" role="status">
          {done}
        </Alert>
      )}
      <ErrorAlert error={punch.error} title="Ce n’est pas possible" />
      {items.map((c) => (
        <Card withBorder padding="sm" key={c.shiftId} data-clock-shift={c.shiftId}>
          <Stack gap={6}>
            <Line icon={IconPin}>
              {c.place}, {hours(c).toLowerCase()}
            </Line>
            {c.arrivedAt && <Line icon={IconArrive}>Arrivé·e à {parisClock(c.arrivedAt)}.</Line>}
            {c.leftAt && <Line icon={IconLeave}>Parti·e à {parisClock(c.leftAt)}.</Line>}
            {c.canArrive && (
              <BigButton
                icon={IconArrive}
                action="clock"
                color="teal.9"
                loading={punch.isPending}
                onClick={() => punch.mutate({ shiftId: c.shiftId, kind: 'arrive' })}
              >
                J’arrive
              </BigButton>
            )}
            {c.canLeave && (
              <BigButton
                icon={IconLeave}
                action="clock"
                color="blue.9"
                loading={punch.isPending}
                onClick={() => punch.mutate({ shiftId: c.shiftId, kind: 'leave' })}
              >
                Je pars
              </BigButton>
            )}
          </Stack>
        </Card>
      ))}
      {clock.data.mode === 'with_position' && (
        <Text c="dimmed">
          {clock.data.sharePosition
            ? 'Votre position est envoyée quand vous pointez.'
            : 'Votre position n’est pas envoyée.'}
        </Text>
      )}
    </Stack>
  );
}

/** The phone's position, or null when it is refused or too slow. */
function locate(): Promise<{ lat: number; lng: number; accuracyM: number } | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 60_000 },
    );
  });
}

/** My other work to come: three at first, the rest on request (never a long list before the actions). */
function LaterShifts({ items }: { items: MyShift[] }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items.slice(0, 30) : items.slice(0, 3);
  return (
    <Block id="later" icon={IconCalendar} title="Mes autres travaux">
      {shown.map((s) => (
        <Card withBorder key={s.id} padding="sm">
          <Stack gap={4}>
            <Line icon={IconCalendar} strong>
              {dayTitle(s.start)}
            </Line>
            <Line icon={IconClock}>{hours(s)}</Line>
            <Line icon={IconPin}>{s.place}.</Line>
          </Stack>
        </Card>
      ))}
      {!all && items.length > 3 && (
        <BigButton icon={IconMore} action="more" variant="default" onClick={() => setAll(true)}>
          Voir mes autres travaux
        </BigButton>
      )}
    </Block>
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
    <Block id="unavailable" icon={IconUnavailable} title="Je ne suis pas disponible">
      <Text size="lg">Dites-nous quand vous ne pouvez pas travailler.</Text>
      <Text size="lg">Si vous êtes malade, appelez aussi l’association.</Text>
      {done && (
        <Alert color="teal.9" variant="filled" role="status">
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
          <BigButton icon={IconSend} action="unavailable" type="submit" loading={declare.isPending}>
            Envoyer
          </BigButton>
        </Stack>
      </form>
    </Block>
  );
}

const CHANNEL_CHOICES = [
  { value: 'sms', label: 'Par SMS' },
  { value: 'email', label: 'Par e-mail' },
  { value: 'both', label: 'Par SMS et par e-mail' },
] as const;

/** How the association reaches me: SMS, e-mail or both; no more SMS (STOP); my position when I clock in. */
function ContactPreferences() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['planning', orgId, 'me', 'contact'];
  const prefs = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ channel: 'sms' | 'email' | 'both'; smsOptedOut: boolean; sharePosition: boolean }>(
        `/api/orgs/${orgId}/me/contact-preferences`,
      ),
  });
  const clock = useQuery({
    queryKey: ['planning', orgId, 'me', 'clock'],
    queryFn: () => api<Clock>(`/api/orgs/${orgId}/me/clock`),
  });
  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api(`/api/orgs/${orgId}/me/contact-preferences`, { method: 'PATCH', body: patch }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'clock'] });
    },
  });
  const p = prefs.data;
  return (
    <Block id="contact" icon={IconBell} title="Comment on me prévient">
      <Text size="lg">L’association vous prévient quand c’est urgent.</Text>
      <ErrorAlert error={prefs.error ?? save.error} />
      {!p ? (
        <Loading />
      ) : (
        <>
          <Radio.Group
            label="Je préfère être prévenu·e"
            value={p.channel}
            onChange={(v) => save.mutate({ channel: v })}
            size="md"
          >
            <Stack gap="sm" mt="xs">
              {CHANNEL_CHOICES.map((c) => (
                <Radio key={c.value} value={c.value} label={c.label} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            size="md"
            mt="sm"
            checked={p.smsOptedOut}
            onChange={(e) => save.mutate({ smsOptedOut: e.currentTarget.checked })}
            label="Je ne veux plus de SMS"
            description="C’est comme répondre STOP."
          />
          {clock.data?.mode === 'with_position' && (
            <Switch
              size="md"
              mt="sm"
              checked={p.sharePosition}
              onChange={(e) => save.mutate({ sharePosition: e.currentTarget.checked })}
              label="J’envoie ma position quand je pointe"
              description="Seulement quand je dis « J’arrive » ou « Je pars »."
            />
          )}
        </>
      )}
    </Block>
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
    <Block id="calendar" icon={IconPhone} title="Mon travail dans l’agenda du téléphone">
      <Text size="lg">Ce lien met votre travail dans l’agenda de votre téléphone.</Text>
      <Text size="lg">Ne donnez ce lien à personne.</Text>
      <ErrorAlert error={issue.error ?? revoke.error} />
      {url && (
        <>
          <TextInput label="Mon lien d’agenda" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <BigButton icon={IconLink} action="calendar" variant="light" onClick={copy}>
                {copied ? 'Lien copié' : 'Copier le lien'}
              </BigButton>
            )}
          </CopyButton>
        </>
      )}
      {!url && (
        <BigButton
          icon={IconLink}
          action="calendar"
          variant="light"
          loading={issue.isPending}
          onClick={() => issue.mutate()}
        >
          {status.data?.active ? 'Faire un nouveau lien' : 'Créer mon lien'}
        </BigButton>
      )}
      {status.data?.active && (
        <Text>
          <Anchor component="button" type="button" c="red.9" onClick={() => revoke.mutate()}>
            <Group gap={6} component="span" wrap="nowrap">
              <IconStop size={20} />
              <span>Arrêter le lien</span>
            </Group>
          </Anchor>
        </Text>
      )}
    </Block>
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
    <Block id="sick" icon={IconSick} title="Je suis malade, je ne peux pas venir">
      <Text size="lg">L’association sera prévenue tout de suite.</Text>
      <Text size="lg">Elle cherchera une autre personne.</Text>
      {freed !== null && (
        <Alert color="teal" role="status">
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
          <BigButton icon={IconSend} action="sick" color="red.9" type="submit" loading={declare.isPending}>
            Prévenir l’association
          </BigButton>
        </Stack>
      </form>
    </Block>
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
    <Block id="hours" icon={IconHours} title="Mes heures travaillées">
      <Text size="lg">Voici les heures comptées pour votre travail.</Text>
      <Text size="lg">Une heure est fausse ? Corrigez-la et dites pourquoi.</Text>
      <ErrorAlert error={hours.error} />
      {!hours.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="lg">Pas de travail ces dernières semaines.</Text>
      ) : (
        <>
          {(all ? items : items.slice(0, 3)).map((h) => (
            <HourCard key={h.shiftId} h={h} />
          ))}
          {!all && items.length > 3 && (
            <BigButton icon={IconMore} action="more" variant="default" onClick={() => setAll(true)}>
              Voir toutes mes heures
            </BigButton>
          )}
        </>
      )}
    </Block>
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
    <Card withBorder padding="sm" aria-labelledby={`${id}-day`} data-falc-block={id}>
      <Stack gap={4}>
        <Text size="lg" fw={700} id={`${id}-day`}>
          {dayTitle(`${h.day}T12:00:00Z`)}
        </Text>
        <Line icon={IconPin}>
          {h.place}. {h.job}.
        </Line>
        <Text>
          Prévu : de {parisClock(h.plannedStart)} à {parisClock(h.plannedEnd)}.
        </Text>
        <Text fw={600}>
          Compté : de {parisClock(h.actualStart)} à {parisClock(h.actualEnd)}
          {h.breakMinutes ? `, pause ${h.breakMinutes} min` : ''}. Total : {formatMinutes(h.minutes)}.
        </Text>
        <Group gap="xs">
          <Badge color={state.color} variant="outline">
            {state.label}
          </Badge>
        </Group>
        {h.lastCorrection && (
          <Text size="sm">
            {h.lastCorrection.byMe ? 'Vous avez corrigé' : 'L’association a corrigé'} ces heures le{' '}
            {formatDate(h.lastCorrection.at)} : « {h.lastCorrection.reason} ».
          </Text>
        )}
        {saved && (
          <Text role="status" c="teal.9" fw={700}>
            C’est noté. Votre correction est enregistrée.
          </Text>
        )}
        {canCorrect && !open && (
          <BigButton
            icon={IconEdit}
            action="correct"
            variant="light"
            onClick={() => setOpen(true)}
            aria-describedby={`${id}-day`}
          >
            Corriger mes heures
          </BigButton>
        )}
        {!canCorrect && (
          <Text size="sm" c="dimmed">
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
                description="Par exemple : le bus était en retard."
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                required
                minLength={3}
              />
              <ErrorAlert error={send.error} title="Ce n’est pas possible" />
              <BigButton icon={IconSend} action="correct" type="submit" loading={send.isPending}>
                Envoyer la correction
              </BigButton>
              <BigButton icon={IconCross} action="correct" variant="default" onClick={() => setOpen(false)}>
                Annuler
              </BigButton>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
