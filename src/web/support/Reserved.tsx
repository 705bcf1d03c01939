import { Text } from '@mantine/core';

/**
 * In place of a sensitive field the reader is not granted (barrier details, interview notes, eligibility
 * criteria): says that something exists and who may read it, without showing it.
 */
export function Reserved({ what }: { what?: string }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {what ? `${what} : ` : ''}Information réservée aux personnes habilitées
    </Text>
  );
}
