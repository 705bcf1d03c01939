import { Anchor, Badge, Card, Container, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { api, qs } from '../api';
import { formatDateTime } from '../format';
import type { WebModule } from '../shell/module';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';

type Email = { id: string; to: string; subject: string; text: string; status: string; createdAt: string };

/** Makes the links of a plain-text email clickable. */
function Linkified({ text }: { text: string }) {
  // Each part is keyed by its offset in the text: stable, and unique.
  let offset = 0;
  const parts = text.split(/(https?:\/\/\S+)/g).map((p) => {
    const at = offset;
    offset += p.length;
    return { p, at };
  });
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map(({ p, at }) =>
        /^https?:\/\//.test(p) ? (
          <Anchor key={at} href={p.replace(/^https?:\/\/[^/]+/, '')}>
            {p}
          </Anchor>
        ) : (
          <Fragment key={at}>{p}</Fragment>
        ),
      )}
    </Text>
  );
}

/** The dev mailbox: every email Passerelle would have sent, when no SMTP server is configured. */
function DevMailboxPage() {
  const [filters, setFilters] = useUrlFilters(['to'] as const);
  const mails = useQuery({
    queryKey: ['dev-mailbox', filters.to],
    queryFn: () => api<{ items: Email[]; total: number }>(`/api/dev/mailbox${qs({ to: filters.to, limit: 100 })}`),
    refetchInterval: 5000,
  });
  return (
    <Container size="md" py="lg">
      <PageHeader
        title="Boîte mail de développement"
        subtitle="Sans serveur SMTP configuré, les e-mails ne partent pas : ils sont tous ici."
      />
      <TextInput
        label="Destinataire"
        placeholder="ex. placement@ai-1.passerelle.test"
        value={filters.to}
        onChange={(e) => setFilters({ to: e.currentTarget.value })}
        mb="md"
      />
      {mails.isPending ? (
        <Loading />
      ) : mails.error ? (
        <ErrorAlert error={mails.error} title="Boîte indisponible" />
      ) : (
        <Stack>
          <Text c="dimmed" size="sm">
            {mails.data.total} e-mail(s)
          </Text>
          {mails.data.items.map((m) => (
            <Card withBorder key={m.id}>
              <Group justify="space-between">
                <Text fw={600}>{m.subject}</Text>
                <Badge variant="light">{formatDateTime(m.createdAt)}</Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="xs">
                À : {m.to}
              </Text>
              <Linkified text={m.text} />
            </Card>
          ))}
        </Stack>
      )}
    </Container>
  );
}

export const notificationsWeb: WebModule = {
  publicRoutes: [{ path: '/dev/boite-mail', element: <DevMailboxPage /> }],
};
