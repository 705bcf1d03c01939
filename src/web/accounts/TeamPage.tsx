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
import { accountsApi, type Member, ROLE_LABELS, STAFF_ROLES } from '../../shared/accounts';
import { formatDate, formatDateTime } from '../../shared/format';
import type { StaffRole } from '../../shared/roles';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { StackTable } from '../shell/StackTable';
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
  const orgId = membership.organisationId ?? '';
  const networkId = membership.networkId ?? '';
  const key = ['team', onNetwork ? networkId : orgId];
  const team = useQuery({
    queryKey: key,
    queryFn: () =>
      onNetwork
        ? call(accountsApi.networkTeam, { params: { networkId } })
        : call(accountsApi.orgTeam, { params: { orgId } }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  // The same calls for an organisation's team and a network's coordinators (accounts/team-routes.ts).
  const cancelInvitation = (invitationId: string) =>
    onNetwork
      ? call(accountsApi.network.cancelInvitation, { params: { networkId, invitationId } })
      : call(accountsApi.org.cancelInvitation, { params: { orgId, invitationId } });
  const setActive = (membershipId: string, active: boolean) => {
    const verb = active ? 'reactivate' : 'deactivate';
    return onNetwork
      ? call(accountsApi.network[verb], { params: { networkId, membershipId } })
      : call(accountsApi.org[verb], { params: { orgId, membershipId } });
  };
  const act = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: refresh });
  const sensitive = useMutation({
    mutationFn: (o: { membershipId: string; granted: boolean }) =>
      call(accountsApi.setSensitiveAccess, {
        params: { orgId, membershipId: o.membershipId },
        body: { granted: o.granted },
      }),
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
        <InviteCard orgId={orgId} networkId={networkId} onNetwork={onNetwork} onInvited={refresh} />
        <ErrorAlert error={act.error ?? sensitive.error} />
        {team.data.invitations.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Invitations en attente ({team.data.invitations.length})
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <StackTable>
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
                                  () =>
                                    call(accountsApi.orgResendInvitation, { params: { orgId, invitationId: i.id } }),
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
                            onConfirm={() => act.mutateAsync(() => cancelInvitation(i.id))}
                          >
                            Annuler
                          </ConfirmButton>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </StackTable>
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
              <StackTable>
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
                        act.mutate(() =>
                          call(accountsApi.orgChangeRole, {
                            params: { orgId, membershipId: m.membershipId },
                            body: { role: role as StaffRole },
                          }),
                        )
                      }
                      onSensitive={(granted) => sensitive.mutate({ membershipId: m.membershipId, granted })}
                      onActive={(active) => act.mutateAsync(() => setActive(m.membershipId, active))}
                    />
                  ))}
                </Table.Tbody>
              </StackTable>
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

function InviteCard({
  orgId,
  networkId,
  onNetwork,
  onInvited,
}: {
  orgId: string;
  networkId: string;
  onNetwork: boolean;
  onInvited: () => void;
}) {
  const form = useApiForm({
    initial: { name: '', email: '', role: 'placement_officer' as StaffRole },
    submit: (v) =>
      onNetwork
        ? call(accountsApi.networkInvite, { params: { networkId }, body: { name: v.name, email: v.email } })
        : call(accountsApi.orgInvite, { params: { orgId }, body: v }),
    onSuccess: (_, v) => {
      notifications.show({
        color: 'green',
        message: `Invitation envoyée à ${v.email}. Le lien reste valable 7 jours.`,
      });
      form.setValues({ name: '', email: '', role: v.role });
      onInvited();
    },
  });
  return (
    <Card withBorder component="form" onSubmit={form.onSubmit} noValidate>
      <Title order={2} size="h4" mb="sm">
        Inviter une personne
      </Title>
      <ErrorAlert error={form.alertError} title="Invitation impossible" />
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Nom" {...form.field('name')} required w={220} />
        <TextInput label="Adresse e-mail" type="email" {...form.field('email')} required w={260} />
        {!onNetwork && (
          <Select
            label="Rôle"
            data={STAFF_OPTIONS}
            value={form.values.role}
            allowDeselect={false}
            onChange={(v) => v && form.set('role', v as StaffRole)}
            error={form.errorAt('role')}
            w={280}
          />
        )}
        <Button type="submit" loading={form.busy}>
          Envoyer l’invitation
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        La personne reçoit un lien valable 7 jours pour choisir son mot de passe.
      </Text>
    </Card>
  );
}
