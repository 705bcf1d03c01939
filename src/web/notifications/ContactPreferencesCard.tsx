import { Alert, Card, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTACT_CHANNEL_LABELS, type ContactChannel, notificationsApi } from '../../shared/notifications';
import { call } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';

/**
 * On a worker's record: how proposals and urgent news reach them (SMS, e-mail or both), and whether they said
 * STOP to SMS. An officer may change both after a phone call; the position consent is the worker's own.
 */
export function ContactPreferencesCard({
  workerId,
  phone,
  email,
}: {
  workerId: string;
  phone: string | null;
  email: string | null;
}) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['workers', orgId, workerId, 'contact-preferences'];
  const prefs = useQuery({
    queryKey: key,
    queryFn: () => call(notificationsApi.workerPreferences, { params: { orgId, workerId } }),
  });
  const save = useMutation({
    mutationFn: (patch: { channel?: ContactChannel; smsOptedOut?: boolean }) =>
      call(notificationsApi.updateWorkerPreferences, { params: { orgId, workerId }, body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const p = prefs.data;
  const mobile = !!phone && /^(\+|00)?(33)?0?[67]/.test(phone.replace(/[\s.-]/g, ''));
  const disabled = !can('worker.write');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Comment la prévenir
      </Title>
      <ErrorAlert error={prefs.error ?? save.error} />
      {!p ? (
        <Loading />
      ) : (
        <Stack gap="sm">
          {!mobile && !email && (
            <Alert color="orange">
              Ni portable ni e-mail : les propositions ne peuvent pas lui être envoyées. Ajoutez un numéro de portable.
            </Alert>
          )}
          <Select
            label="Canal préféré"
            description="Les propositions de travail partent par ce canal quand la fiche le permet, sinon par l’autre."
            data={(Object.entries(CONTACT_CHANNEL_LABELS) as [ContactChannel, string][]).map(([value, label]) => ({
              value,
              label,
            }))}
            value={p.channel}
            onChange={(v) => v && save.mutate({ channel: v as ContactChannel })}
            allowDeselect={false}
            disabled={disabled}
            maw={360}
          />
          <Switch
            label="Ne plus lui envoyer de SMS (STOP)"
            description="Une réponse STOP au SMS coche cette case ; la personne peut la décocher depuis son téléphone."
            checked={p.smsOptedOut}
            onChange={(e) => save.mutate({ smsOptedOut: e.currentTarget.checked })}
            disabled={disabled}
          />
          <Text size="sm" c="dimmed">
            Position au pointage : {p.sharePosition ? 'acceptée par la personne' : 'non acceptée'}.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
