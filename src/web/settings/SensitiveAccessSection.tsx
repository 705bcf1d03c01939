import { Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountsApi, type StaffAccess } from '../../shared/accounts';
import { call } from '../api';
import { ROLE_LABELS, useMe, useOrgId, useRefreshMe } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';

/**
 * The sensitive data right, granted by name (policies/sensitive.ts): the org admin switches it per member of
 * the staff. Self-contained so that a later members page can host it as it is.
 */
export function SensitiveAccessSection() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const me = useMe();
  const refreshMe = useRefreshMe();
  const key = ['sensitive-access', orgId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(accountsApi.sensitiveAccess, { params: { orgId } }),
  });
  const set = useMutation({
    mutationFn: (o: { membershipId: string; granted: boolean }) =>
      call(accountsApi.setSensitiveAccess, {
        params: { orgId, membershipId: o.membershipId },
        body: { granted: o.granted },
      }),
    onSuccess: (row) => {
      qc.setQueryData<{ items: StaffAccess[] }>(key, (old) =>
        old ? { ...old, items: old.items.map((r) => (r.membershipId === row.membershipId ? row : r)) } : old,
      );
      // One's own right changes what the app shows (eligibility criteria, export buttons).
      if (row.userId === me.data?.user.id) void refreshMe();
      notifications.show({
        color: 'green',
        message: row.sensitiveAccess
          ? `${row.name} est habilité·e aux données sensibles.`
          : `${row.name} n’a plus accès aux données sensibles.`,
      });
    },
  });
  return (
    <Card withBorder maw={640} mt="lg" component="section" aria-labelledby="sensitive-access-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sensitive-access-title">
          Accès aux données sensibles
        </Title>
        <Text size="sm">
          Les détails des freins (santé, justice, dettes…), les notes d’entretien, les critères d’éligibilité et leurs
          justificatifs, ainsi que l’export des données d’une personne, sont réservés aux personnes habilitées. Les
          chargé·es d’accompagnement le sont d’office ; habilitez ici, nominativement, toute autre personne de l’équipe
          qui accompagne des salarié·es. Chaque consultation est tracée.
        </Text>
        <ErrorAlert error={set.error} title="Habilitation non modifiée" />
        {query.isPending ? (
          <Loading />
        ) : query.error ? (
          <ErrorAlert error={query.error} title="Équipe introuvable" />
        ) : (
          // One line per person, the switch at the end: it stays visible on a phone (a table would scroll it away).
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((m) => (
              <Group
                key={m.membershipId}
                component="li"
                justify="space-between"
                wrap="nowrap"
                py="xs"
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <div>
                  <Text size="sm" fw={600}>
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {ROLE_LABELS[m.role] ?? m.role} · {m.email}
                  </Text>
                </div>
                <Switch
                  aria-label={`Accès aux données sensibles pour ${m.name}`}
                  label={m.sensitiveAccess ? 'Habilité·e' : 'Non habilité·e'}
                  labelPosition="left"
                  checked={m.sensitiveAccess}
                  disabled={set.isPending}
                  onChange={(e) => set.mutate({ membershipId: m.membershipId, granted: e.currentTarget.checked })}
                />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
