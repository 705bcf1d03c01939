import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDateTime, formatMinutes } from '../../shared/format';
import { type TimesheetDetail, timesheetsApi } from '../../shared/timesheets';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { CorrectionModal } from './CorrectionModal';
import { EntriesTable, type Entry } from './EntriesTable';
import { monthLabel } from './months';
import { StatusBadge, supplementLabel } from './TimesheetStatusBadge';

const done = (message: string) =>
  notifications.show({ color: 'green', closeButtonProps: { 'aria-label': 'Fermer la notification' }, message });

/** One timesheet: entries, corrections, and the next step (send, validate, dispute, resolve). */
export function TimesheetPage() {
  const orgId = useOrgId();
  const { timesheetId } = useParams();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const qc = useQueryClient();
  const key = ['timesheet', orgId, timesheetId];
  const params = { orgId, id: timesheetId! };
  const q = useQuery({ queryKey: key, queryFn: () => call(timesheetsApi.get, { params }) });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [link, setLink] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
  };
  const act = async (run: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      done(message);
      refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const dispute = useApiForm({
    initial: { reason: '' },
    submit: (body) => call(timesheetsApi.dispute, { params, body }),
    onSuccess: () => {
      done('Contestation envoyée.');
      refresh();
    },
  });
  const resolve = useApiForm({
    initial: { resolution: '' },
    submit: (body) => call(timesheetsApi.resolve, { params, body }),
    onSuccess: () => {
      done('Réponse envoyée : le client peut valider.');
      refresh();
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const t: TimesheetDetail = q.data!;
  const editable = !t.locked && can('timesheet.write') && !portal;
  return (
    <>
      <PageHeader
        title={`Relevé d’heures — ${t.clientName}${supplementLabel(t.sequence)}`}
        subtitle={
          <>
            {monthLabel(t.month)} · {formatMinutes(t.minutes)} ·{' '}
            <StatusBadge status={t.status} closed={Boolean(t.closedAt)} />
          </>
        }
      />
      {t.sequence > 1 && (
        <Text mb="md">
          Relevé complémentaire : ces interventions sont arrivées après la validation ou la facturation du relevé du
          mois. Il se valide à part et sera facturé à la prochaine clôture, sur une facture complémentaire.
        </Text>
      )}
      {t.status === 'disputed' && (
        <Card withBorder mb="md" bg="red.0">
          <Text fw={600}>Contestation du client</Text>
          <Text>{t.disputeReason}</Text>
        </Card>
      )}
      {t.validatedAt && (
        <Text mb="md">
          Validé le {formatDateTime(t.validatedAt)} par {t.validatedBy}.
        </Text>
      )}
      {t.resolution && <Text mb="md">Réponse à la contestation : {t.resolution}</Text>}
      <ErrorAlert error={error} />
      {!t.locked && (
        <Card withBorder mb="md">
          <Stack>
            {!portal && can('timesheet.manage') && (
              <Group>
                <Button
                  loading={busy}
                  onClick={() =>
                    act(async () => {
                      const out = await call(timesheetsApi.send, { params });
                      setLink(out.link);
                    }, 'Relevé envoyé au client.')
                  }
                >
                  {t.status === 'draft' ? 'Envoyer au client' : 'Renvoyer au client'}
                </Button>
                {link && (
                  <TextInput
                    label="Lien privé envoyé au client"
                    value={link}
                    readOnly
                    w={480}
                    maw="100%"
                    onFocus={(e) => e.currentTarget.select()}
                  />
                )}
              </Group>
            )}
            {can('timesheet.validate') && (
              <Group align="flex-end">
                <Button
                  color="teal.9"
                  loading={busy}
                  onClick={() => act(() => call(timesheetsApi.validate, { params }), 'Relevé validé.')}
                >
                  {portal ? 'Valider ces heures' : 'Valider pour le client'}
                </Button>
              </Group>
            )}
            {portal && t.status === 'sent' && (
              <form onSubmit={dispute.onSubmit} noValidate>
                <ErrorAlert error={dispute.alertError} />
                <Group align="flex-end">
                  <Textarea label="Une erreur ? Dites laquelle" {...dispute.field('reason')} w={420} maw="100%" />
                  <Button type="submit" color="red.9" variant="outline" loading={dispute.busy}>
                    Contester
                  </Button>
                </Group>
              </form>
            )}
            {!portal && t.status === 'disputed' && can('timesheet.manage') && (
              <form onSubmit={resolve.onSubmit} noValidate>
                <ErrorAlert error={resolve.alertError} />
                <Group align="flex-end">
                  <Textarea label="Réponse au client" {...resolve.field('resolution')} w={420} maw="100%" />
                  <Button type="submit" loading={resolve.busy}>
                    Résoudre et renvoyer
                  </Button>
                </Group>
              </form>
            )}
          </Stack>
        </Card>
      )}
      <EntriesTable t={t} onCorrect={editable ? setEditing : undefined} />
      {editing && (
        <CorrectionModal
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            done('Correction enregistrée.');
            refresh();
          }}
        />
      )}
    </>
  );
}
