import { Anchor, CopyButton, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { planningApi } from '../../shared/planning';
import { call } from '../api';
import { IconLink, IconPhone, IconStop } from '../shell/icons';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { BigButton, Block } from './falc';

/** A private link that puts my work in my phone's calendar (an iCalendar feed); it can be stopped. */
export function MyCalendarLink() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['planning', orgId, 'me', 'calendar'],
    queryFn: () => call(planningApi.calendarStatus, { params: { orgId } }),
  });
  const [url, setUrl] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () => call(planningApi.issueCalendar, { params: { orgId } }),
    onSuccess: (r) => {
      setUrl(r.url);
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'calendar'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => call(planningApi.revokeCalendar, { params: { orgId } }),
    onSuccess: () => {
      setUrl(null);
      qc.invalidateQueries({ queryKey: ['planning', orgId, 'me', 'calendar'] });
    },
  });
  return (
    <Block id="calendar" icon={IconPhone} title="Mon travail dans l’agenda du téléphone">
      <Text size="lg">Ce lien met votre travail dans l’agenda de votre téléphone.</Text>
      <Text size="lg">Ne donnez ce lien à personne.</Text>
      <ErrorAlert error={issue.error ?? revoke.error} />
      {url && (
        <>
          <TextInput label="Mon lien d’agenda" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <BigButton icon={IconLink} action="calendar" variant="light" onClick={copy}>
                {copied ? 'Lien copié' : 'Copier le lien'}
              </BigButton>
            )}
          </CopyButton>
        </>
      )}
      {!url && (
        <BigButton
          icon={IconLink}
          action="calendar"
          variant="light"
          loading={issue.isPending}
          onClick={() => issue.mutate()}
        >
          {status.data?.active ? 'Faire un nouveau lien' : 'Créer mon lien'}
        </BigButton>
      )}
      {status.data?.active && (
        <Text>
          <Anchor component="button" type="button" c="red.9" onClick={() => revoke.mutate()}>
            <Group gap={6} component="span" wrap="nowrap">
              <IconStop size={20} />
              <span>Arrêter le lien</span>
            </Group>
          </Anchor>
        </Text>
      )}
    </Block>
  );
}
