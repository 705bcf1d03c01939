import { Badge, Group } from '@mantine/core';
import type { Client } from '../../shared/clients';
import { formatDate } from '../../shared/format';

export function ClientFlags({ client }: { client: Client }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Group gap={4}>
      {client.economicDismissalUntil && client.economicDismissalUntil > today && (
        <Badge color="red.9" variant="outline">
          Licenciement éco. jusqu’au {formatDate(client.economicDismissalUntil)}
        </Badge>
      )}
      {client.countsForHoursCap && (
        <Badge color="grape.9" variant="outline">
          Plafond 480 h
        </Badge>
      )}
      {client.legalForm === null && (
        <Badge color="orange" variant="outline">
          Forme juridique à compléter
        </Badge>
      )}
    </Group>
  );
}
