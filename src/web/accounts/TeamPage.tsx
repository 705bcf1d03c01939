import { Badge, Button, Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { accountsApi, type Member, ROLE_LABELS, STAFF_ROLES } from '../../shared/accounts';
import { formatDate, formatDateTime } from '../../shared/format';
import type { StaffRole } from '../../shared/roles';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useMe, useMembership } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader } from '../shell/ui';

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
            <DataTable
              caption="Invitations en attente"
              empty="Aucune invitation en attente."
              rows={team.data.invitations}
              rowKey={(i) => i.id}
              urlPrefix="invitations-"
              columns={[
                {
                  key: 'personne',
                  header: 'Personne',
                  sortBy: (i) => i.name,
                  cell: (i) => <Person name={i.name} email={i.email} />,
                },
                { key: 'role', header: 'Rôle', sortBy: (i) => ROLE_LABELS[i.role], cell: (i) => ROLE_LABELS[i.role] },
                {
                  key: 'echeance',
                  header: 'Valable jusqu’au',
                  sortBy: (i) => i.expiresAt,
                  cell: (i) => (i.expired ? <Badge color="red">Expirée</Badge> : formatDate(i.expiresAt)),
                },
                {
                  key: 'actions',
                  header: 'Actions',
                  hideHeader: true,
                  cell: (i) => (
                    <Group gap="xs" wrap="nowrap">
                      {!onNetwork && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() =>
                            act.mutate(
                              () => call(accountsApi.orgResendInvitation, { params: { orgId, invitationId: i.id } }),
                              {
                                onSuccess: () =>
                                  notifications.show({ color: 'green', message: `Invitation renvoyée à ${i.email}.` }),
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
                  ),
                },
              ]}
            />
          </Card>
        )}
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Comptes ({members.filter((m) => m.active).length})
          </Title>
          <DataTable
            caption="Comptes"
            empty="Personne pour l’instant : invitez vos collègues ci-dessus."
            rows={members}
            rowKey={(m) => m.membershipId}
            rowProps={(m) => (m.active ? {} : { style: { opacity: 0.7 } })}
            columns={memberColumns({
              selfId: me.data?.user.id,
              onNetwork,
              onRole: (m, role) =>
                act.mutate(() =>
                  call(accountsApi.orgChangeRole, {
                    params: { orgId, membershipId: m.membershipId },
                    body: { role: role as StaffRole },
                  }),
                ),
              onSensitive: (m, granted) => sensitive.mutate({ membershipId: m.membershipId, granted }),
              onActive: (m, active) => act.mutateAsync(() => setActive(m.membershipId, active)),
            })}
          />
        </Card>
      </Stack>
    </>
  );
}

function Person({ name, email, children }: { name: string; email: string | null; children?: ReactNode }) {
  return (
    <>
      <Text size="sm">
        {name}
        {children}
      </Text>
      <Text size="xs" c="dimmed">
        {email}
      </Text>
    </>
  );
}

/** The accounts' columns: the role and the sensitive-data access are changed in place, in an AI only. */
function memberColumns({
  selfId,
  onNetwork,
  onRole,
  onSensitive,
  onActive,
}: {
  selfId: string | undefined;
  onNetwork: boolean;
  onRole: (m: Member, role: string) => void;
  onSensitive: (m: Member, granted: boolean) => void;
  onActive: (m: Member, active: boolean) => Promise<unknown>;
}): DataColumn<Member>[] {
  const columns: (DataColumn<Member> | false)[] = [
    {
      key: 'personne',
      header: 'Personne',
      sortBy: (m) => m.name,
      cell: (m) => (
        <Person name={m.name} email={m.email}>
          {' '}
          {m.userId === selfId && <Badge size="xs">vous</Badge>} {!m.active && <Badge color="gray">désactivé</Badge>}
        </Person>
      ),
    },
    {
      key: 'role',
      header: 'Rôle',
      sortBy: (m) => ROLE_LABELS[m.role],
      cell: (m) =>
        onNetwork || !m.active ? (
          ROLE_LABELS[m.role]
        ) : (
          <Select
            aria-label={`Rôle de ${m.name}`}
            data={STAFF_OPTIONS}
            value={m.role}
            allowDeselect={false}
            onChange={(v) => v && v !== m.role && onRole(m, v)}
            w={260}
          />
        ),
    },
    !onNetwork && {
      key: 'sensible',
      header: 'Données sensibles',
      cell: (m) => (
        <Switch
          aria-label={`Accès aux données sensibles de ${m.name}`}
          checked={m.sensitiveAccess}
          disabled={!m.active}
          onChange={(e) => onSensitive(m, e.currentTarget.checked)}
        />
      ),
    },
    {
      key: 'connexion',
      header: 'Dernière connexion',
      sortBy: (m) => m.lastSeenAt,
      cell: (m) => (m.lastSeenAt ? formatDateTime(m.lastSeenAt) : 'Jamais'),
    },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (m) =>
        m.userId !== selfId &&
        (m.active ? (
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="red"
            consequence={`${m.name} ne pourra plus se connecter ; ses connexions en cours sont fermées tout de suite. Vous pourrez lui rendre l’accès.`}
            confirmLabel="Désactiver le compte"
            onConfirm={() => onActive(m, false)}
          >
            Désactiver
          </ConfirmButton>
        ) : (
          <Button size="xs" variant="light" onClick={() => onActive(m, true)}>
            Réactiver
          </Button>
        )),
    },
  ];
  return columns.filter((c) => c !== false);
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
