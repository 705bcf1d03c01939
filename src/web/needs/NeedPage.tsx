import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  INBOX_COLORS,
  INBOX_LABELS,
  needsApi,
  SETTABLE_NEED_STATUSES,
  type SettableNeedStatus,
} from '../../shared/needs';
import { quotesApi } from '../../shared/quotes';
import { call, qs } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { DiagnosticForm } from './DiagnosticForm';
import { NeedDetails } from './NeedDetails';

/** One need routed to the AI: claim it or decline it; once claimed, the HR diagnostic. */
export function NeedPage() {
  const { orgId, needId } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const params = { orgId: orgId ?? '', needId: needId ?? '' };
  const need = useQuery({ queryKey: ['need', orgId, needId], queryFn: () => call(needsApi.get, { params }) });
  const [declineOpen, setDeclineOpen] = useState(false);

  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['need', orgId, needId] });
    qc.invalidateQueries({ queryKey: ['needs', orgId] });
    qc.invalidateQueries({ queryKey: ['needs-summary', orgId] });
  };
  /** Sends one action on the need, then reads it again whatever the answer (another AI may have taken it). */
  const thenRefresh = async <R,>(send: Promise<R>) => {
    try {
      return await send;
    } finally {
      refresh();
    }
  };

  const claim = useApiForm({
    initial: {},
    submit: () => thenRefresh(call(needsApi.claim, { params })),
    onSuccess: () =>
      notifications.show({ color: 'green', message: 'Besoin pris en charge : contactez l’établissement.' }),
  });
  const decline = useApiForm({
    initial: { reason: '' },
    validate: (v) => ({
      reason: v.reason.trim().length < 3 ? 'Indiquez pourquoi vous ne pouvez pas répondre.' : undefined,
    }),
    submit: (v) => thenRefresh(call(needsApi.decline, { params, body: v })),
    onSuccess: () => setDeclineOpen(false),
  });
  const status = useApiForm({
    initial: { status: 'claimed' as SettableNeedStatus },
    submit: (v) => thenRefresh(call(needsApi.setStatus, { params, body: v })),
  });

  if (need.isPending) return <Loading />;
  if (need.error) return <ErrorAlert error={need.error} title="Besoin introuvable" />;
  const n = need.data;
  const mine = n.claimedBy?.organisationId === orgId;

  return (
    <>
      <PageHeader
        title={n.establishment.name}
        subtitle={
          <Group gap="xs" component="span">
            <span>
              {n.establishment.address.communeName} · {n.reference}
            </span>
            <Badge color={INBOX_COLORS[n.inboxStatus]} variant="dot" component="span">
              {INBOX_LABELS[n.inboxStatus]}
            </Badge>
            {n.overdue && (
              <Badge color="red" component="span">
                Délai dépassé
              </Badge>
            )}
          </Group>
        }
        actions={
          n.inboxStatus === 'new' && can('need.claim') ? (
            <>
              <Button variant="default" onClick={() => setDeclineOpen(true)}>
                Décliner
              </Button>
              <Button loading={claim.busy} onClick={() => claim.onSubmit()}>
                Prendre en charge
              </Button>
            </>
          ) : mine && can('need.diagnose') ? (
            <Select
              aria-label="Changer le statut"
              value={n.status}
              allowDeselect={false}
              data={SETTABLE_NEED_STATUSES.map((value) => ({ value, label: INBOX_LABELS[value] }))}
              disabled={status.busy}
              onChange={(v) => {
                const next = SETTABLE_NEED_STATUSES.find((s) => s === v);
                if (next) status.submitValues({ status: next });
              }}
            />
          ) : undefined
        }
      />
      <ErrorAlert error={claim.error ?? status.error} />
      {n.inboxStatus === 'taken' && (
        <Alert color="gray" mb="md" title="Besoin pris par une autre structure">
          {n.claimedBy?.name} l’a pris en charge.
        </Alert>
      )}
      {n.inboxStatus === 'declined' && (
        <Alert color="gray" mb="md" title="Vous avez décliné ce besoin">
          Motif : {n.route?.declineReason}
        </Alert>
      )}
      {mine && n.diagnosticAt && can('quote.read') && <NextStep needId={n.id} canWrite={can('quote.write')} />}
      <NeedDetails need={n} />
      {mine && can('need.diagnose') && (
        <DiagnosticForm
          key={n.diagnosticAt ?? 'new'}
          need={n}
          params={params}
          onSaved={(saved) => {
            qc.setQueryData(['need', orgId, needId], saved);
            refresh();
          }}
        />
      )}
      <Modal opened={declineOpen} onClose={() => setDeclineOpen(false)} title="Décliner ce besoin" centered>
        <form onSubmit={decline.onSubmit} noValidate>
          <Stack>
            <Text size="sm">Le réseau lira votre motif pour orienter le besoin vers une autre structure.</Text>
            <Textarea
              label="Motif"
              required
              autosize
              minRows={2}
              maxLength={500}
              {...decline.field('reason')}
              data-autofocus
            />
            <ErrorAlert error={decline.alertError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeclineOpen(false)}>
                Annuler
              </Button>
              <Button type="submit" color="red" loading={decline.busy}>
                Décliner le besoin
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** After the diagnostic, the next step of the journey: the quote (drafted from the diagnostic), or the one made. */
function NextStep({ needId, canWrite }: { needId: string; canWrite: boolean }) {
  const orgId = useOrgId();
  const quotes = useQuery({
    queryKey: ['quotes', orgId, 'need', needId],
    queryFn: () => call(quotesApi.list, { params: { orgId }, query: { needId, limit: 5 } }),
  });
  if (quotes.isPending) return null;
  const latest = quotes.data?.items[0];
  if (latest)
    return (
      <Alert color="blue" variant="light" mb="md" title="Étape suivante">
        <Group justify="space-between">
          <Text size="sm">Le devis {latest.number} a été établi pour ce besoin.</Text>
          <Button component={Link} to={`../../devis/${latest.id}`} relative="path">
            Voir le devis
          </Button>
        </Group>
      </Alert>
    );
  if (!canWrite) return null;
  return (
    <Alert color="blue" variant="light" mb="md" title="Étape suivante">
      <Group justify="space-between">
        <Text size="sm">
          Le diagnostic est fait : établissez le devis, avec ses heures de nuit, de dimanche et de jour férié.
        </Text>
        <Button component={Link} to={`../../devis/nouveau${qs({ needId })}`} relative="path">
          Établir le devis
        </Button>
      </Group>
    </Alert>
  );
}
