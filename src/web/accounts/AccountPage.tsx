import { Badge, Button, Card, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { formatDateTime } from '../format';
import { useMe } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';

type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

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
    queryFn: () => api<{ items: Session[] }>('/api/me/sessions'),
  });
  const end = useMutation({
    mutationFn: (id: string) => api(`/api/me/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      api('/api/me/password', { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } }),
    onSuccess: () => {
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
      notifications.show({ color: 'green', message: 'Mot de passe changé. Vos autres connexions ont été fermées.' });
      qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.newPassword !== form.confirm) return setMismatch(true);
    setMismatch(false);
    change.mutate();
  };
  if (!me.data) return <Loading />;
  return (
    <>
      <PageHeader title="Mon compte" subtitle={`${me.data.user.name} · ${me.data.user.email}`} />
      <Stack gap="lg" maw={760}>
        <Card withBorder component="form" onSubmit={submit} noValidate>
          <Title order={2} size="h4" mb="sm">
            Changer mon mot de passe
          </Title>
          <Stack>
            <ErrorAlert error={Object.keys(errors).length ? null : change.error} />
            <PasswordInput
              label="Mot de passe actuel"
              autoComplete="current-password"
              value={form.currentPassword}
              onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
              error={errors.currentPassword}
              required
            />
            <PasswordInput
              label="Nouveau mot de passe"
              description="12 caractères au moins, pas un mot de passe courant."
              autoComplete="new-password"
              value={form.newPassword}
              onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
              error={errors.newPassword}
              required
            />
            <PasswordInput
              label="Le nouveau mot de passe, encore une fois"
              autoComplete="new-password"
              value={form.confirm}
              onChange={(e) => setForm({ ...form, confirm: e.currentTarget.value })}
              error={mismatch ? 'Les deux mots de passe ne sont pas les mêmes.' : undefined}
              required
            />
            <Button type="submit" loading={change.isPending} w="fit-content">
              Enregistrer
            </Button>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Où je suis connecté·e
          </Title>
          <ErrorAlert error={end.error} />
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Appareil</Table.Th>
                  <Table.Th scope="col">Dernière activité</Table.Th>
                  <Table.Th scope="col">Fermer</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(sessions.data?.items ?? []).map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {deviceName(s.userAgent)} {s.current && <Badge size="sm">cet appareil</Badge>}
                    </Table.Td>
                    <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {!s.current && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => end.mutate(s.id)}>
                          Déconnecter
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            Un appareil perdu ou prêté ? Déconnectez-le ici.
          </Text>
        </Card>
      </Stack>
    </>
  );
}
