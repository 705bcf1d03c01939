import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CLIENT_KIND_LABELS } from '../../shared/clients';
import { formatDate, formatDateTime } from '../../shared/format';
import { type Need, URGENCY_LABELS } from '../../shared/needs';

/** The establishment, its contact and its jobs: shared by the AI's and the network's need pages. */
export function NeedDetails({ need }: { need: Need }) {
  const e = need.establishment;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4">
          Établissement
        </Title>
        <Text fw={600} mt="xs">
          {e.name}
        </Text>
        <Text size="sm">{CLIENT_KIND_LABELS[e.kind]}</Text>
        <Text size="sm">
          {[e.address.line, [e.address.postalCode, e.address.communeName].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ')}
        </Text>
        {e.siret && <Text size="sm">SIRET {e.siret}</Text>}
        <Title order={3} size="h5" mt="md">
          Contact
        </Title>
        {need.contact ? (
          <Stack gap={0}>
            <Text size="sm">{need.contact.name}</Text>
            <Text size="sm">
              <a href={`mailto:${need.contact.email}`}>{need.contact.email}</a>
            </Text>
            {need.contact.phone && (
              <Text size="sm">
                <a href={`tel:${need.contact.phone.replace(/\s/g, '')}`}>{need.contact.phone}</a>
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Une autre structure a pris en charge ce besoin.
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Besoin
          </Title>
          <Badge color={need.urgency === 'urgent' ? 'red' : 'gray'} variant="light">
            {URGENCY_LABELS[need.urgency]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          Reçu le {formatDateTime(need.createdAt)}
          {need.deadlineAt && !need.claimedBy
            ? ` · à prendre en charge avant le ${formatDateTime(need.deadlineAt)}`
            : ''}
        </Text>
        <List mt="sm" spacing="xs">
          {need.jobs.map((j) => (
            <List.Item key={j.rome}>
              <Text size="sm" fw={600}>
                {j.headcount} × {j.label} ({j.rome})
              </Text>
              <Text size="sm">
                À partir du {formatDate(j.startDate)}
                {j.endDate ? ` jusqu’au ${formatDate(j.endDate)}` : ''}
                {j.hoursPerWeek ? ` · ${j.hoursPerWeek.toLocaleString('fr-FR')} h par semaine` : ''}
                {j.nights ? ' · de nuit' : ''}
                {j.weekends ? ' · le week-end' : ''}
              </Text>
              {j.schedule && <Text size="sm">{j.schedule}</Text>}
            </List.Item>
          ))}
        </List>
        {need.carePathway && (
          <Badge mt="sm" variant="light" color="grape">
            Intéressé par des parcours vers les métiers du soin
          </Badge>
        )}
        {need.description && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {need.description}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
