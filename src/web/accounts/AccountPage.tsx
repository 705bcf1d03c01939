import { Badge, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountsApi } from '../../shared/accounts';
import { formatDateTime } from '../../shared/format';
import { call } from '../api';
import { DataTable } from '../blocks/DataTable';
import { confirmMatches, NewPasswordFields } from '../blocks/NewPasswordFields';
import { useApiForm } from '../blocks/useApiForm';
import { useMe } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';

/** A device named from its browser's user agent, as people recognise it. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Appareil inconnu';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iPhone / iPad'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS/.test(userAgent)
          ? 'Mac'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'Appareil';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'navigateur';
  return `${os} · ${browser}`;
}

/** "Mon compte": change one's password, see where one is signed in and end a session (a lost phone). */
export function AccountPage() {
  const me = useMe();
  const qc = useQueryClient();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => call(accountsApi.mySessions, {}),
  });
  const end = useMutation({
    mutationFn: (sessionId: string) => call(accountsApi.revokeMySession, { params: { sessionId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
  const form = useApiForm({
    initial: { currentPassword: '', newPassword: '', confirm: '' },
    validate: confirmMatches('newPassword'),
    submit: (v) =>
      call(accountsApi.changeMyPassword, {
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      }),
    resetOnSuccess: true,
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Mot de passe changé. Vos autres connexions ont été fermées.' });
      qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
  });
  if (!me.data) return <Loading />;
  return (
    <>
      <PageHeader title="Mon compte" subtitle={`${me.data.user.name} · ${me.data.user.email}`} />
      <Stack gap="lg" maw={760}>
        <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
          <Title order={2} size="h4" mb="sm">
            Changer mon mot de passe
          </Title>
          <Stack>
            <ErrorAlert error={form.alertError} />
            <PasswordInput
              label="Mot de passe actuel"
              autoComplete="current-password"
              required
              {...form.field('currentPassword')}
            />
            <NewPasswordFields
              form={form}
              name="newPassword"
              description="12 caractères au moins, pas un mot de passe courant."
              confirmLabel="Le nouveau mot de passe, encore une fois"
            />
            <Button type="submit" loading={form.busy} w="fit-content">
              Enregistrer
            </Button>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Où je suis connecté·e
          </Title>
          <ErrorAlert error={end.error} />
          {sessions.isPending ? (
            <Loading />
          ) : (
            <DataTable
              caption="Mes connexions"
              empty="Aucune connexion."
              rows={sessions.data?.items ?? []}
              rowKey={(s) => s.id}
              striped={false}
              highlightOnHover={false}
              columns={[
                {
                  key: 'appareil',
                  header: 'Appareil',
                  sortBy: (s) => deviceName(s.userAgent),
                  cell: (s) => (
                    <>
                      {deviceName(s.userAgent)} {s.current && <Badge size="sm">cet appareil</Badge>}
                    </>
                  ),
                },
                {
                  key: 'activite',
                  header: 'Dernière activité',
                  sortBy: (s) => s.lastSeenAt,
                  cell: (s) => formatDateTime(s.lastSeenAt),
                },
                {
                  key: 'fermer',
                  header: 'Fermer',
                  cell: (s) =>
                    !s.current && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => end.mutate(s.id)}>
                        Déconnecter
                      </Button>
                    ),
                },
              ]}
            />
          )}
          <Text size="xs" c="dimmed" mt="xs">
            Un appareil perdu ou prêté ? Déconnectez-le ici.
          </Text>
        </Card>
      </Stack>
    </>
  );
}
