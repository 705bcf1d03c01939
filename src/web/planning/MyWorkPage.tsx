import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type MyShift, planningApi } from '../../shared/planning';
import { call } from '../api';
import {
  IconBell,
  IconCalendar,
  IconClock,
  IconHours,
  IconJob,
  IconMessage,
  IconMore,
  IconPin,
  IconSick,
  IconSpeaker,
  IconStop,
  IconUnavailable,
} from '../shell/icons';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { BigButton, Block, dayTitle, hours, Line } from './falc';
import { MyCalendarLink } from './MyCalendarLink';
import { MyClockIn } from './MyClockIn';
import { MyContactPreferences } from './MyContactPreferences';
import { MyHoursPanel } from './MyHoursPanel';
import { MySickLeaveForm } from './MySickLeaveForm';
import { MyUnavailabilityForm } from './MyUnavailabilityForm';
import { AnswerProposal, ProposedWorkLines } from './ProposedWork';
import { longDay, parisDay } from './time';

/**
 * The worker's page, made for a phone and in plain words (FALC): short sentences, one idea per line, a pictogram
 * beside every action, big buttons. The next work comes first (with « J'arrive » / « Je pars » when the
 * association uses clock-in), then the work proposed; the other actions are one tap away at the top.
 */
export function MyWorkPage() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['planning', orgId, 'me'];
  const shifts = useQuery({
    queryKey: [...key, 'shifts'],
    queryFn: () => call(planningApi.myShifts, { params: { orgId } }),
  });
  const proposals = useQuery({
    queryKey: [...key, 'proposals'],
    queryFn: () => call(planningApi.myProposals, { params: { orgId } }),
  });
  const [said, setSaid] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (v: { id: string; answer: 'accept' | 'decline' }) =>
      call(planningApi.answerMyProposal, { params: { orgId, proposalId: v.id, answer: v.answer } }),
    onSuccess: (r) => {
      setSaid(
        r.status === 'accepted'
          ? 'Merci\u00a0! Ce travail est à vous.'
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
        <MyClockIn />
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
                  <ProposedWorkLines work={p} />
                  <AnswerProposal
                    mt="xs"
                    busy={answer.isPending}
                    onAnswer={(a) => answer.mutate({ id: p.id, answer: a })}
                  />
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
            <span>Autre chose{'\u00a0'}?</span>
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
      <MyHoursPanel />
      <MySickLeaveForm />
      <MyUnavailabilityForm />
      <MyContactPreferences />
      <MyCalendarLink />
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
