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
import { type FormEvent, useState } from 'react';
import { ACCESS_CHANNEL_LABELS, type InvitationSent, type RecordAccess } from '../../shared/accounts';
import { formatDate, formatDateTime } from '../../shared/format';
import { ApiError, api } from '../api';
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
  const base = `/api/orgs/${orgId}/${kind === 'worker' ? 'workers' : 'clients'}/${recordId}/access`;
  const key = ['access', base];
  const access = useQuery({ queryKey: key, queryFn: () => api<RecordAccess>(base), enabled: can(action) });
  const [form, setForm] = useState({
    name: defaultName,
    email: defaultEmail ?? '',
    channel: defaultEmail ? 'email' : 'code',
  });
  const [sent, setSent] = useState<InvitationSent | null>(null);
  const give = useMutation({
    mutationFn: () =>
      api<InvitationSent>(base, {
        body: {
          name: form.name,
          channel: form.channel,
          ...(form.email && form.channel === 'email' ? { email: form.email } : {}),
        },
      }),
    onSuccess: (r) => {
      setSent(r);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (url: string) => api(`${base}${url}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  if (!can(action)) return null;
  const errors = give.error instanceof ApiError ? give.error.fieldErrors : {};
  const title = kind === 'worker' ? 'Accès au téléphone' : 'Accès au portail client';
  const accounts = access.data?.accounts ?? [];
  const phones = accounts.flatMap((a) => a.sessions.map((s) => ({ ...s, account: a })));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    give.mutate();
  };
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
                onConfirm={() => revoke.mutateAsync(`/sessions/${p.id}`)}
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
            <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(`/invitations/${i.id}`)}>
              Annuler
            </Button>
          </Group>
        ))}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={Object.keys(errors).length ? null : give.error} title="Accès impossible" />
            <SegmentedControl
              aria-label="Comment donner l’accès"
              value={form.channel}
              onChange={(v) => setForm({ ...form, channel: v })}
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
              <Button type="submit" loading={give.isPending}>
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
