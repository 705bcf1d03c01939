import { Radio, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ContactPreferences, notificationsApi } from '../../shared/notifications';
import { call } from '../api';
import { IconBell } from '../shell/icons';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { Block } from './falc';
import { useMyClock } from './MyClockIn';

// The worker's own words (FALC), not the officer's labels of CONTACT_CHANNEL_LABELS.
const CHANNEL_CHOICES = [
  { value: 'sms', label: 'Par SMS' },
  { value: 'email', label: 'Par e-mail' },
  { value: 'both', label: 'Par SMS et par e-mail' },
] as const;

/** How the association reaches me: SMS, e-mail or both; no more SMS (STOP); my position when I clock in. */
export function MyContactPreferences() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['planning', orgId, 'me', 'contact'];
  const prefs = useQuery({
    queryKey: key,
    queryFn: () => call(notificationsApi.myPreferences, { params: { orgId } }),
  });
  const clock = useMyClock();
  const save = useMutation({
    mutationFn: (patch: Partial<ContactPreferences>) =>
      call(notificationsApi.updateMyPreferences, { params: { orgId }, body: patch }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'clock'] });
    },
  });
  const p = prefs.data;
  return (
    <Block id="contact" icon={IconBell} title="Comment on me prévient">
      <Text size="lg">L’association vous prévient quand c’est urgent.</Text>
      <ErrorAlert error={prefs.error ?? save.error} />
      {!p ? (
        <Loading />
      ) : (
        <>
          <Radio.Group
            label="Je préfère être prévenu·e"
            value={p.channel}
            onChange={(v) => save.mutate({ channel: v as ContactPreferences['channel'] })}
            size="md"
          >
            <Stack gap="sm" mt="xs">
              {CHANNEL_CHOICES.map((c) => (
                <Radio key={c.value} value={c.value} label={c.label} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            size="md"
            mt="sm"
            checked={p.smsOptedOut}
            onChange={(e) => save.mutate({ smsOptedOut: e.currentTarget.checked })}
            label="Je ne veux plus de SMS"
            description="C’est comme répondre STOP."
          />
          {clock.data?.mode === 'with_position' && (
            <Switch
              size="md"
              mt="sm"
              checked={p.sharePosition}
              onChange={(e) => save.mutate({ sharePosition: e.currentTarget.checked })}
              label="J’envoie ma position quand je pointe"
              description="Seulement quand je dis « J’arrive » ou « Je pars »."
            />
          )}
        </>
      )}
    </Block>
  );
}
