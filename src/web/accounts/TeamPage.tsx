import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Member, ROLE_LABELS, STAFF_ROLES, type Team } from '../../shared/accounts';
import { formatDate, formatDateTime } from '../../shared/format';
import { ApiError, api } from '../api';
import { useMe, useMembership } from '../shell/session';
import { ConfirmButton, Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';

const STAFF_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * "Équipe": who works in the structure (or coordinates the network), with what role; invitations waiting for an
 * answer (resend, cancel); role changes and deactivations. The same page serves an AI and a network.
 */
export function TeamPage() {
  const membership = useMembership();
  const me = useMe();
  const qc = useQueryClient();
  const onNetwork = !!membership.networkId;
  const base = onNetwork ? `/api/networks/${membership.networkId}` : `/api/orgs/${membership.organisationId}`;
  const key = ['team', base];
  const team = useQuery({ queryKey: key, queryFn: () => api<Team>(`${base}/team`) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const act = useMutation({
    mutationFn: (o: { url: string; method?: string; body?: unknown }) =>
      api(`${base}${o.url}`, { method: o.method ?? 'POST', body: o.body }),
    onSuccess: refresh,
  });
  const sensitive = useMutation({
    mutationFn: (o: { membershipId: string; granted: boolean }) =>
      api(`${base}/members/${o.membershipId}/sensitive-access`, { method: 'PUT', body: { granted: o.granted } }),
    onSuccess: refresh,
  });
  if (team.isPending) return <Loading />;
  if (!team.data) return <ErrorAlert error={team.error} />;
  const members = team.data.members;
  return (
    <>
      <PageHeader
        title={onNetwork ? 'Équipe du réseau' : 'Équipe'}
        subtitle={
          onNetwork
            ? 'Les personnes qui coordonnent le réseau dans Passerelle.'
            : 'Vos collègues dans Passerelle, leur rôle et leur accès aux données sensibles.'
        }
      />
      <Stack gap="lg">
        <InviteCard base={base} onNetwork={onNetwork} onInvited={refresh} />
        <ErrorAlert error={act.error ?? sensitive.error} />
        {team.data.invitations.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Invitations en attente ({team.data.invitations.length})
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Personne</Table.Th>
                    <Table.Th scope="col">Rôle</Table.Th>
                    <Table.Th scope="col">Valable jusqu’au</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {team.data.invitations.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Text size="sm">{i.name}</Text>
                        <Text size="xs" c="dimmed">
                          {i.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{ROLE_LABELS[i.role]}</Table.Td>
                      <Table.Td>{i.expired ? <Badge color="red">Expirée</Badge> : formatDate(i.expiresAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {!onNetwork && (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() =>
                                act.mutate(
                                  { url: `/invitations/${i.id}/resend` },
                                  {
                                    onSuccess: () =>
                                      notifications.show({
                                        color: 'green',
                                        message: `Invitation renvoyée à ${i.email}.`,
                                      }),
                                  },
                                )
                              }
                            >
                              Renvoyer
                            </Button>
                          )}
                          <ConfirmButton
                            size="xs"
                            variant="subtle"
                            color="red"
                            consequence={`Le lien envoyé à ${i.name} ne marchera plus.`}
                            confirmLabel="Annuler l’invitation"
                            onConfirm={() => act.mutateAsync({ url: `/invitations/${i.id}`, method: 'DELETE' })}
                          >
                            Annuler
                          </ConfirmButton>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Comptes ({members.filter((m) => m.active).length})
          </Title>
          {members.length === 0 ? (
            <Empty>Personne pour l’instant : invitez vos collègues ci-dessus.</Empty>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Personne</Table.Th>
                    <Table.Th scope="col">Rôle</Table.Th>
                    {!onNetwork && <Table.Th scope="col">Données sensibles</Table.Th>}
                    <Table.Th scope="col">Dernière connexion</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((m) => (
                    <MemberRow
                      key={m.membershipId}
                      member={m}
                      self={m.userId === me.data?.user.id}
                      onNetwork={onNetwork}
                      onRole={(role) =>
                        act.mutate({ url: `/members/${m.membershipId}`, method: 'PATCH', body: { role } })
                      }
                      onSensitive={(granted) => sensitive.mutate({ membershipId: m.membershipId, granted })}
                      onActive={(active) =>
                        act.mutateAsync({ url: `/members/${m.membershipId}/${active ? 'reactivate' : 'deactivate'}` })
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}

function MemberRow({
  member: m,
  self,
  onNetwork,
  onRole,
  onSensitive,
  onActive,
}: {
  member: Member;
  self: boolean;
  onNetwork: boolean;
  onRole: (role: string) => void;
  onSensitive: (granted: boolean) => void;
  onActive: (active: boolean) => Promise<unknown>;
}) {
  return (
    <Table.Tr style={m.active ? undefined : { opacity: 0.7 }}>
      <Table.Td>
        <Text size="sm">
          {m.name} {self && <Badge size="xs">vous</Badge>} {!m.active && <Badge color="gray">désactivé</Badge>}
        </Text>
        <Text size="xs" c="dimmed">
          {m.email}
        </Text>
      </Table.Td>
      <Table.Td>
        {onNetwork || !m.active ? (
          ROLE_LABELS[m.role]
        ) : (
          <Select
            aria-label={`Rôle de ${m.name}`}
            data={STAFF_OPTIONS}
            value={m.role}
            allowDeselect={false}
            onChange={(v) => v && v !== m.role && onRole(v)}
            w={260}
          />
        )}
      </Table.Td>
      {!onNetwork && (
        <Table.Td>
          <Switch
            aria-label={`Accès aux données sensibles de ${m.name}`}
            checked={m.sensitiveAccess}
            disabled={!m.active}
            onChange={(e) => onSensitive(e.currentTarget.checked)}
          />
        </Table.Td>
      )}
      <Table.Td>{m.lastSeenAt ? formatDateTime(m.lastSeenAt) : 'Jamais'}</Table.Td>
      <Table.Td>
        {!self &&
          (m.active ? (
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              consequence={`${m.name} ne pourra plus se connecter ; ses connexions en cours sont fermées tout de suite. Vous pourrez lui rendre l’accès.`}
              confirmLabel="Désactiver le compte"
              onConfirm={() => onActive(false)}
            >
              Désactiver
            </ConfirmButton>
          ) : (
            <Button size="xs" variant="light" onClick={() => onActive(true)}>
              Réactiver
            </Button>
          ))}
      </Table.Td>
    </Table.Tr>
  );
}

function InviteCard({ base, onNetwork, onInvited }: { base: string; onNetwork: boolean; onInvited: () => void }) {
  const [form, setForm] = useState({ name: '', email: '', role: 'placement_officer' });
  const invite = useMutation({
    mutationFn: () =>
      api(`${base}/invitations`, {
        body: onNetwork ? { name: form.name, email: form.email } : form,
      }),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: `Invitation envoyée à ${form.email}. Le lien reste valable 7 jours.`,
      });
      setForm({ name: '', email: '', role: form.role });
      onInvited();
    },
  });
  const errors = invite.error instanceof ApiError ? invite.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h4" mb="sm">
        Inviter une personne
      </Title>
      <ErrorAlert error={Object.keys(errors).length ? null : invite.error} title="Invitation impossible" />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Nom"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={errors.name}
          required
          w={220}
        />
        <TextInput
          label="Adresse e-mail"
          type="email"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={errors.email}
          required
          w={260}
        />
        {!onNetwork && (
          <Select
            label="Rôle"
            data={STAFF_OPTIONS}
            value={form.role}
            allowDeselect={false}
            onChange={(v) => v && setForm({ ...form, role: v })}
            error={errors.role}
            w={280}
          />
        )}
        <Button type="submit" loading={invite.isPending}>
          Envoyer l’invitation
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        La personne reçoit un lien valable 7 jours pour choisir son mot de passe.
      </Text>
    </Card>
  );
}
