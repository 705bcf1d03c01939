import { Alert, Badge, Card, Container, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format';
import { NEED_STATUS_LABELS, needsApi, URGENCY_LABELS } from '../../shared/needs';
import { call } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';

/** The establishment follows its need through the private link of its confirmation email. */
export function FollowUpPage() {
  const { token } = useParams();
  const need = useQuery({
    queryKey: ['need-follow', token],
    queryFn: () => call(needsApi.follow, { params: { token: token ?? '' } }),
    retry: false,
  });
  if (need.isPending) return <Loading />;
  if (need.error)
    return (
      <Container size="sm" py="xl">
        <Title order={1}>Suivi de votre besoin</Title>
        <ErrorAlert error={need.error} title="Lien invalide" />
        <Text>Vérifiez que vous avez copié le lien complet de l’e-mail de confirmation.</Text>
      </Container>
    );
  const n = need.data;
  const step = n.claimedBy ? (['claimed'].includes(n.status) ? 2 : 3) : n.viewedCount > 0 ? 1 : 0;
  return (
    <Container size="sm" py="xl">
      <Title order={1}>Suivi de votre besoin</Title>
      <Text c="dimmed" mt={4}>
        {n.establishmentName}, {n.communeName} · référence <strong>{n.reference}</strong>
      </Text>
      <Badge mt="sm" variant="light">
        {URGENCY_LABELS[n.urgency]}
      </Badge>
      {n.claimedBy ? (
        <Alert color="blue" mt="lg" title={`Pris en charge par ${n.claimedBy.name}`}>
          <Text size="sm">Cette association intermédiaire va vous contacter pour préciser votre besoin.</Text>
          {(n.claimedBy.phone || n.claimedBy.email) && (
            <Text size="sm" mt={4}>
              Pour la joindre : {[n.claimedBy.phone, n.claimedBy.email].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Alert>
      ) : n.status === 'unrouted' ? (
        <Alert color="gray" mt="lg" title="En cours d’étude par le réseau">
          Aucune structure ne couvre encore exactement votre demande : le réseau cherche celle qui pourra vous répondre.
        </Alert>
      ) : null}
      <Card withBorder mt="lg">
        <Timeline active={step} bulletSize={18} lineWidth={2}>
          <Timeline.Item title="Besoin reçu">
            <Text size="sm" c="dimmed">
              {formatDateTime(n.createdAt)}
            </Text>
          </Timeline.Item>
          <Timeline.Item title="Transmis aux structures">
            <Text size="sm" c="dimmed">
              {n.routedCount > 0
                ? `${n.routedCount} structure(s) prévenue(s), ${n.viewedCount} l’ont consulté`
                : 'En attente du réseau'}
            </Text>
          </Timeline.Item>
          <Timeline.Item title="Pris en charge">
            <Text size="sm" c="dimmed">
              {n.claimedAt ? formatDateTime(n.claimedAt) : 'Pas encore'}
            </Text>
          </Timeline.Item>
          <Timeline.Item
            title={NEED_STATUS_LABELS[n.status] && step === 3 ? NEED_STATUS_LABELS[n.status] : 'Diagnostic et devis'}
          />
        </Timeline>
      </Card>
      <Stack mt="lg" gap="xs">
        <Title order={2} size="h4">
          Votre demande
        </Title>
        <List>
          {n.jobs.map((j) => (
            <List.Item key={j.rome}>
              {j.headcount} × {j.label}, à partir du {formatDate(j.startDate)}
              {j.endDate ? ` jusqu’au ${formatDate(j.endDate)}` : ''}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Container>
  );
}
