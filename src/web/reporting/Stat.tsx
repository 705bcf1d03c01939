import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One figure of a dashboard: its label, its value, a line of context; a link when there is something to do. */
export function Stat({ label, value, hint, to }: { label: string; value: ReactNode; hint?: ReactNode; to?: string }) {
  const body = (
    <>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </>
  );
  return to ? (
    <Card withBorder padding="md" component={Link} to={to} style={{ textDecoration: 'none' }}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="md">
      {body}
    </Card>
  );
}
