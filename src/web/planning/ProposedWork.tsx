import { Text } from '@mantine/core';
import { IconCalendar, IconCheck, IconClock, IconCross, IconJob, IconPin } from '../shell/icons';
import { BigButton, dayTitle, hours, Line } from './falc';

/** What a proposal offers, as the worker reads it on their page and behind the link of the SMS or e-mail. */
type ProposedShift = { start: string; end: string; place: string; commune: string | null; job: string };

/** The work proposed, in plain words (FALC): the day, the hours, the place, the job — one line each. */
export function ProposedWorkLines({ work }: { work: ProposedShift }) {
  return (
    <>
      <Line icon={IconCalendar} strong>
        {dayTitle(work.start)}
      </Line>
      <Line icon={IconClock}>{hours(work)}</Line>
      <Line icon={IconPin}>
        {work.place}
        {work.commune ? `, ${work.commune}` : ''}.
      </Line>
      <Line icon={IconJob}>{work.job}.</Line>
    </>
  );
}

/** « Voulez-vous faire ce travail ? » and its two big answers; both buttons wait while the answer is sent. */
export function AnswerProposal({
  busy,
  onAnswer,
  mt,
}: {
  busy: boolean;
  onAnswer: (answer: 'accept' | 'decline') => void;
  mt?: string;
}) {
  return (
    <>
      <Text size="lg" fw={600} mt={mt}>
        Voulez-vous faire ce travail{'\u00a0'}?
      </Text>
      <BigButton icon={IconCheck} action="answer" color="teal.9" loading={busy} onClick={() => onAnswer('accept')}>
        Oui, je viens
      </BigButton>
      <BigButton icon={IconCross} action="answer" variant="default" loading={busy} onClick={() => onAnswer('decline')}>
        Non, je ne peux pas
      </BigButton>
    </>
  );
}
