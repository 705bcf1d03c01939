import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ACCESS_CHANNEL_LABELS, type AccessChannel, accountsApi, type InvitationSent } from '../../shared/accounts';
import { formatDate, formatDateTime } from '../../shared/format';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert } from '../shell/ui';
import { deviceName } from './AccountPage';
import './print-code.css';

type Props = {
  kind: 'worker' | 'client';
  recordId: string;
  /** Pre-filled: the worker's name, or the client's contact. */
  defaultName: string;
  defaultEmail?: string | null;
};

/**
 * "Accès au téléphone" on a worker's record, "Accès au portail" on a client's: who can get in, from which phone
 * (revocable), and giving access by email or by a code printed and handed over — no password for them to keep.
 */
export function RecordAccessCard({ kind, recordId, defaultName, defaultEmail }: Props) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const action = kind === 'worker' ? 'worker.access.manage' : 'client.access.manage';
  // The same calls for a worker's page and a client's portal (accounts/team-routes.ts).
  const endpoints = kind === 'worker' ? accountsApi.workerAccess : accountsApi.clientAccess;
  const params = kind === 'worker' ? { orgId, workerId: recordId } : { orgId, clientId: recordId };
  const key = ['access', kind, recordId];
  const access = useQuery({
    queryKey: key,
    queryFn: () => call(endpoints.list, { params: params as never }),
    enabled: can(action),
  });
  const [sent, setSent] = useState<InvitationSent | null>(null);
  const give = useApiForm({
    initial: {
      name: defaultName,
      email: defaultEmail ?? '',
      channel: (defaultEmail ? 'email' : 'code') as AccessChannel,
    },
    submit: (v) =>
      call(endpoints.invite, {
        params: params as never,
        body: {
          name: v.name,
          channel: v.channel,
          ...(v.email && v.channel === 'email' ? { email: v.email } : {}),
        },
      }),
    onSuccess: (r) => {
      setSent(r);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const form = give.values;
  const setForm = give.setValues;
  const revoke = useMutation({
    mutationFn: (o: { sessionId: string } | { invitationId: string }) =>
      'sessionId' in o
        ? call(endpoints.revokeSession, { params: { ...params, ...o } as never })
        : call(endpoints.cancelInvitation, { params: { ...params, ...o } as never }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  if (!can(action)) return null;
  const errors = give.fieldErrors;
  const title = kind === 'worker' ? 'Accès au téléphone' : 'Accès au portail client';
  const accounts = access.data?.accounts ?? [];
  const phones = accounts.flatMap((a) => a.sessions.map((s) => ({ ...s, account: a })));
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="sm">
        <ErrorAlert error={revoke.error} />
        {phones.length === 0 ? (
          <Text size="sm" c="dimmed">
            {accounts.length ? 'Aucun appareil connecté pour l’instant.' : 'Pas encore d’accès.'}
          </Text>
        ) : (
          phones.map((p) => (
            <Group key={p.id} justify="space-between" wrap="wrap">
              <Text size="sm">
                {deviceName(p.userAgent)} · {p.account.name} · vu le {formatDateTime(p.lastSeenAt)}
              </Text>
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                consequence="Cet appareil ne sera plus connecté. Pour revenir, il faudra un nouveau code ou un nouveau lien."
                confirmLabel="Retirer l’accès"
                onConfirm={() => revoke.mutateAsync({ sessionId: p.id })}
              >
                Retirer
              </ConfirmButton>
            </Group>
          ))
        )}
        {(access.data?.invitations ?? []).map((i) => (
          <Group key={i.id} justify="space-between" wrap="wrap">
            <Text size="sm">
              <Badge variant="light" mr="xs">
                en attente
              </Badge>
              {i.channel === 'code'
                ? 'Code imprimé'
                : i.channel === 'sms'
                  ? 'Lien envoyé par SMS'
                  : `Lien envoyé à ${i.email}`}{' '}
              · valable jusqu’au {formatDate(i.expiresAt)}
            </Text>
            <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate({ invitationId: i.id })}>
              Annuler
            </Button>
          </Group>
        ))}
        <form onSubmit={give.onSubmit} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={give.alertError} title="Accès impossible" />
            <SegmentedControl
              aria-label="Comment donner l’accès"
              value={form.channel}
              onChange={(v) => setForm({ ...form, channel: v as AccessChannel })}
              data={[
                { value: 'code', label: 'Code imprimé' },
                ...(kind === 'worker' ? [{ value: 'sms', label: 'SMS' }] : []),
                { value: 'email', label: 'E-mail' },
              ]}
            />
            <Text size="xs" c="dimmed">
              {ACCESS_CHANNEL_LABELS[form.channel as keyof typeof ACCESS_CHANNEL_LABELS]}
              {kind === 'worker' ? ' : la personne n’a pas de mot de passe à retenir.' : '.'}
            </Text>
            {errors.channel && (
              <Text size="sm" c="red.8" role="alert">
                {errors.channel}
              </Text>
            )}
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label="Nom"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                error={errors.name}
                w={220}
              />
              {form.channel === 'email' && (
                <TextInput
                  label="Adresse e-mail"
                  type="email"
                  value={form.email}
                  onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
                  error={errors.email}
                  w={260}
                />
              )}
              <Button type="submit" loading={give.busy}>
                {form.channel === 'code' ? 'Créer un code' : 'Envoyer le lien'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      <Modal
        opened={!!sent}
        onClose={() => setSent(null)}
        title={sent?.code ? 'Code à remettre' : 'Lien envoyé'}
        centered
      >
        {sent?.code ? (
          <Stack>
            <div className="print-code">
              <Text size="lg">{sent.name}</Text>
              <Text>Pour ouvrir votre page Passerelle sur votre téléphone :</Text>
              <Text>1. Allez sur {sent.codeUrl}</Text>
              <Text>2. Tapez ce code :</Text>
              <Text ff="monospace" fw={700} fz={36} ta="center" aria-label={`Code : ${sent.code.split('').join(' ')}`}>
                {sent.code}
              </Text>
              <Text size="sm">Ce code sert une seule fois, jusqu’au {formatDate(sent.expiresAt)}.</Text>
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSent(null)}>
                Fermer
              </Button>
              <Button onClick={() => window.print()}>Imprimer</Button>
            </Group>
          </Stack>
        ) : (
          <Alert color="green">
            Un lien de connexion a été envoyé{' '}
            {sent?.channel === 'sms' ? 'par SMS au portable de la fiche' : `à ${sent?.email}`}. Il sert une seule fois
            et reste valable 7 jours.
          </Alert>
        )}
      </Modal>
    </Card>
  );
}
