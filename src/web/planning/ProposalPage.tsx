import { Alert, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';
import { longDay, parisClock, parisDay } from './time';

type View = {
  status: string;
  shiftOpen: boolean;
  firstName: string;
  start: string;
  end: string;
  place: string;
  commune: string | null;
  job: string;
};

/** Behind the private link of a proposal email: the worker says yes or no, without logging in. */
export function ProposalPage() {
  const { token } = useParams();
  const view = useQuery({ queryKey: ['proposal', token], queryFn: () => api<View>(`/api/public/proposals/${token}`) });
  const answer = useMutation({
    mutationFn: (a: 'accept' | 'decline') =>
      api<{ status: string }>(`/api/public/proposals/${token}/${a}`, { method: 'POST' }),
    onSuccess: () => view.refetch(),
  });
  const v = view.data;
  return (
    <Container size={480} py="lg">
      <Title order={1} size="h2" mb="md">
        Travail proposé
      </Title>
      <ErrorAlert error={view.error ?? answer.error} title="Ce n’est pas possible" />
      {!v ? (
        view.isPending && <Loading />
      ) : (
        <Stack>
          <Card withBorder>
            <Text size="lg">Bonjour {v.firstName},</Text>
            <Text size="lg" fw={700} tt="capitalize" mt="xs">
              📅 {longDay(parisDay(v.start))}
            </Text>
            <Text size="lg">
              🕒 De {parisClock(v.start)} à {parisClock(v.end)}
            </Text>
            <Text size="lg">
              📍 {v.place}
              {v.commune ? `, ${v.commune}` : ''}
            </Text>
            <Text size="lg">🧹 {v.job}</Text>
          </Card>
          {v.status === 'accepted' ? (
            <Alert color="teal.9" role="status">
              Merci ! Ce travail est à vous.
            </Alert>
          ) : v.status === 'declined' ? (
            <Alert color="gray" role="status">
              C’est noté : vous ne faites pas ce travail.
            </Alert>
          ) : v.status !== 'pending' || !v.shiftOpen ? (
            <Alert color="gray" role="status">
              Une autre personne a déjà pris ce travail. Merci quand même.
            </Alert>
          ) : (
            <Group grow>
              <Button size="lg" color="teal.9" loading={answer.isPending} onClick={() => answer.mutate('accept')}>
                ✅ Oui, je viens
              </Button>
              <Button size="lg" variant="default" loading={answer.isPending} onClick={() => answer.mutate('decline')}>
                ❌ Non
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Container>
  );
}
