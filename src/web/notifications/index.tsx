import { Alert, Anchor, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { notificationsApi } from '../../shared/notifications';
import { ApiError, call } from '../api';
import type { WebModule } from '../shell/module';
import { useMe } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';

/**
 * The dev SMS outbox (no SMS_URL, outside production): the SMS sent to the signed-in worker, and only to them
 * (same protections as the mailbox). Nothing shows for people who receive no SMS.
 */
function DevSmsOutbox({ userId }: { userId: string }) {
  const sms = useQuery({
    queryKey: ['dev-sms', userId],
    queryFn: () => call(notificationsApi.devSms, { query: { limit: 50 } }),
    refetchInterval: 5000,
    retry: false,
  });
  if (!sms.data || sms.data.total === 0) return null;
  return (
    <Stack mt="xl">
      <Title order={2} size="h3">
        Mes SMS
      </Title>
      <Text c="dimmed" size="sm">
        Sans passerelle SMS configurée, les SMS ne partent pas : vous lisez ici ceux qui vous sont adressés.
      </Text>
      {sms.data.items.map((m) => (
        <Card withBorder key={m.id} data-sms-id={m.id}>
          <Group justify="space-between">
            <Text fw={600}>SMS au {m.to}</Text>
            <Badge variant="light">{formatDateTime(m.createdAt)}</Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {m.segments} SMS facturé{m.segments > 1 ? 's' : ''} ({m.encoding === 'gsm7' ? 'GSM 7 bits' : 'Unicode'})
          </Text>
          <Linkified text={m.text} />
        </Card>
      ))}
    </Stack>
  );
}

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

/**
 * The dev mailbox (no SMTP server, outside production): the emails Passerelle would have sent to the signed-in
 * person, and only to them, since emails carry private links. Elsewhere the server answers 404.
 */
function DevMailboxPage() {
  const me = useMe();
  const mails = useQuery({
    queryKey: ['dev-mailbox', me.data?.user.id],
    queryFn: () => call(notificationsApi.devMailbox, { query: { limit: 100 } }),
    enabled: Boolean(me.data),
    refetchInterval: 5000,
  });
  return (
    <Container size="md" py="lg">
      <PageHeader
        title="Boîte mail de développement"
        subtitle="Sans serveur SMTP configuré, les e-mails ne partent pas : chacun lit ici ceux qui lui sont adressés."
      />
      {me.isPending ? (
        <Loading />
      ) : me.error ? (
        <ErrorAlert error={me.error} title="Boîte indisponible" />
      ) : !me.data ? (
        <Alert color="blue" title="Connectez-vous pour lire vos e-mails">
          <Text size="sm" mb="sm">
            Les e-mails contiennent des liens personnels (invitations, devis à signer) : seul leur destinataire, une
            fois connecté, peut les lire.
          </Text>
          <Button component={Link} to={`/connexion?retour=${encodeURIComponent('/dev/boite-mail')}`}>
            Se connecter
          </Button>
        </Alert>
      ) : mails.isPending ? (
        <Loading />
      ) : mails.error ? (
        <ErrorAlert
          error={mails.error}
          title={
            mails.error instanceof ApiError && mails.error.status === 404
              ? 'Pas de boîte de développement sur ce serveur : les e-mails sont envoyés'
              : 'Boîte indisponible'
          }
        />
      ) : (
        <Stack>
          <Text c="dimmed" size="sm">
            {mails.data.total} e-mail(s) adressé(s) à {me.data.user.email}
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
      {me.data && <DevSmsOutbox userId={me.data.user.id} />}
    </Container>
  );
}

export const notificationsWeb: WebModule = {
  publicRoutes: [{ path: '/dev/boite-mail', element: <DevMailboxPage /> }],
};
