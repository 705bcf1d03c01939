import { Alert, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';
import { AnswerProposal, ProposedWorkLines } from './ProposedWork';

/**
 * Behind the private link of a proposal (SMS or email): the worker says yes or no in one tap, without logging in.
 * In plain words (FALC), made for a 360 px phone.
 */
export function ProposalPage() {
  const { token } = useParams();
  const view = useQuery({
    queryKey: ['proposal', token],
    queryFn: () => call(planningApi.publicProposal, { params: { token: token! } }),
  });
  const answer = useMutation({
    mutationFn: (a: 'accept' | 'decline') =>
      call(planningApi.answerPublicProposal, { params: { token: token!, answer: a } }),
    onSuccess: () => view.refetch(),
  });
  const v = view.data;
  return (
    <Container size={480} py="lg" px="sm">
      <Title order={1} size="h2" mb="md">
        Travail proposé
      </Title>
      <ErrorAlert error={view.error ?? answer.error} title="Ce n’est pas possible" />
      {!v ? (
        view.isPending && <Loading />
      ) : (
        <Stack>
          <Card withBorder padding="md" style={{ borderWidth: 2 }}>
            <Stack gap={6}>
              <Text size="lg">Bonjour {v.firstName}.</Text>
              <Text size="lg">On vous propose un travail.</Text>
              <ProposedWorkLines work={v} />
            </Stack>
          </Card>
          {v.status === 'accepted' ? (
            <Alert color="teal.9" variant="filled" role="status">
              Merci{'\u00a0'}! Ce travail est à vous.
            </Alert>
          ) : v.status === 'declined' ? (
            <Alert color="gray" role="status">
              C’est noté. Vous ne faites pas ce travail.
            </Alert>
          ) : v.status !== 'pending' || !v.shiftOpen ? (
            <Alert color="gray" role="status">
              Une autre personne a déjà pris ce travail. Merci quand même.
            </Alert>
          ) : (
            <Stack gap="sm" data-falc-block="answer">
              <AnswerProposal busy={answer.isPending} onAnswer={(a) => answer.mutate(a)} />
            </Stack>
          )}
        </Stack>
      )}
    </Container>
  );
}
