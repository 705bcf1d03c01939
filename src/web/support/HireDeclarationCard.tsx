import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { HIRE_CONTRACT_LABELS, HIRE_STATUS_LABELS, type HireDeclaration } from '../../shared/hires';

export const STATUS_COLORS = { pending: 'orange', confirmed: 'teal', declined: 'gray.8' } as const;

export const EXIT_LABELS = {
  durable: 'sortie vers l’emploi durable',
  transition: 'sortie vers un emploi de transition',
};

export function StatusBadge({ d }: { d: HireDeclaration }) {
  return <Badge color={STATUS_COLORS[d.status]}>{HIRE_STATUS_LABELS[d.status]}</Badge>;
}

/** One declaration as a card: readable on a 360 px phone, no table to scroll. */
export function DeclarationCard({
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
