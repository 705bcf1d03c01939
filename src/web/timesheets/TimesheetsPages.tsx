import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, formatMinutes, formatTimeRange } from '../../shared/format';
import {
  TIMESHEET_STATUS,
  TIMESHEET_STATUSES,
  type TimesheetDetail,
  type TimesheetRow,
  timesheetsApi,
} from '../../shared/timesheets';
import { ApiError, call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';

export type { TimesheetDetail, TimesheetRow };
export { TIMESHEET_STATUS };

type Entry = TimesheetDetail['entries'][number];

export const currentMonth = () =>
  new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

/** The last 12 months, newest first, as select options ("novembre 2026"). */
export function monthOptions(count = 12) {
  const out: { value: string; label: string }[] = [];
  const [y, m] = currentMonth().split('-').map(Number);
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 15));
    out.push({
      value: d.toISOString().slice(0, 7),
      label: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d),
    });
  }
  return out;
}

/** "complémentaire" for a supplementary timesheet (its own validation and invoice). */
export const supplementLabel = (sequence: number) =>
  sequence > 1 ? ` — complémentaire${sequence > 2 ? ` n° ${sequence - 1}` : ''}` : '';

export const StatusBadge = ({ status, closed }: { status: string; closed?: boolean }) => (
  <Badge color={closed ? 'dark' : TIMESHEET_STATUS[status]?.color} variant="outline">
    {closed ? 'Facturé' : (TIMESHEET_STATUS[status]?.label ?? status)}
  </Badge>
);

/** Timesheets of a month, what needs attention first (disputed, to send, waiting). */
export function TimesheetsPage() {
  const orgId = useOrgId();
  const m = useMembership();
  const portal = m.role === 'client_user';
  const [f, setF] = useUrlFilters(['month', 'status'] as const);
  const month = f.month || currentMonth();
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['timesheets', orgId, month, f.status],
    queryFn: () =>
      call(timesheetsApi.list, {
        params: { orgId },
        query: { month, status: TIMESHEET_STATUSES.find((x) => x === f.status), limit: 200 },
      }),
  });
  const [preparing, setPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<unknown>(null);
  const prepare = async () => {
    setPreparing(true);
    setPrepareError(null);
    try {
      const r = await call(timesheetsApi.prepare, { params: { orgId }, body: { month } });
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Fermer la notification' },
        message:
          `Relevés à jour : ${r.added} intervention${r.added > 1 ? 's' : ''} ajoutée${r.added > 1 ? 's' : ''}, ${r.removed} retirée${r.removed > 1 ? 's' : ''}.` +
          (r.supplementaryCreated
            ? ` ${r.supplementaryCreated} relevé${r.supplementaryCreated > 1 ? 's' : ''} complémentaire${r.supplementaryCreated > 1 ? 's' : ''} (heures arrivées après validation).`
            : ''),
      });
      qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
    } catch (e) {
      setPrepareError(e);
    } finally {
      setPreparing(false);
    }
  };
  const pending = list.data?.pendingShifts ?? 0;
  return (
    <>
      <PageHeader
        title={portal ? 'Relevés d’heures à valider' : 'Relevés d’heures'}
        subtitle={
          portal
            ? 'Vérifiez les heures effectuées chez vous, puis validez-les ou signalez une erreur.'
            : 'Les heures du mois par client : corrigez, envoyez au client, suivez les validations.'
        }
      />
      <Group mb="md">
        <Select
          label="Mois"
          data={monthOptions()}
          value={month}
          onChange={(x) => setF({ month: x })}
          w={220}
          allowDeselect={false}
        />
        <Select
          label="Statut"
          placeholder="Tous"
          clearable
          data={Object.entries(TIMESHEET_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          value={f.status || null}
          onChange={(x) => setF({ status: x })}
          w={220}
        />
      </Group>
      {!portal && can('timesheet.manage') && (
        <Group mb="md" align="center">
          <Button variant={pending > 0 ? 'filled' : 'default'} loading={preparing} onClick={prepare}>
            Préparer les relevés du mois
          </Button>
          <Text size="sm" role="status">
            {pending > 0
              ? `${pending} intervention${pending > 1 ? 's' : ''} du planning ${pending > 1 ? 'ne sont' : 'n’est'} pas encore dans les relevés.`
              : 'Les relevés suivent le planning. Les interventions ajoutées après une validation vont dans un relevé complémentaire.'}
          </Text>
        </Group>
      )}
      <ErrorAlert error={list.error ?? prepareError} />
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <Empty>Aucun relevé pour ce mois.</Empty>
      ) : (
        <StackTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Client</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Interventions</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Heures</Table.Th>
              <Table.Th>Envoyé le</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor component={Link} to={t.id}>
                    {t.clientName}
                    {supplementLabel(t.sequence)}
                  </Anchor>
                  {t.status === 'disputed' && t.disputeReason && (
                    <Text size="xs" c="red.9">
                      {t.disputeReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={t.status} closed={Boolean(t.closedAt)} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{t.entries}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatMinutes(t.minutes)}</Table.Td>
                <Table.Td>{t.sentAt ? formatDate(t.sentAt) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}

/** Paris wall-clock "HH:MM" of an ISO instant, and back (same Paris day as `reference`). */
const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
function withTime(reference: string, time: string): string {
  const ref = new Date(reference);
  const [h, m] = time.split(':').map(Number);
  const current = hhmm(reference).split(':').map(Number);
  const delta = (h - current[0]) * 60 + (m - current[1]);
  return new Date(ref.getTime() + delta * 60000).toISOString();
}

function CorrectionModal({ entry, onClose, onSaved }: { entry: Entry; onClose: () => void; onSaved: () => void }) {
  const orgId = useOrgId();
  const [start, setStart] = useState(hhmm(entry.actualStart));
  const [end, setEnd] = useState(hhmm(entry.actualEnd));
  const [pause, setPause] = useState<number | string>(entry.breakMinutes);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  let endIso = withTime(entry.actualEnd, end);
  if (new Date(endIso) <= new Date(withTime(entry.actualStart, start)) && end < start) {
    endIso = new Date(new Date(endIso).getTime() + 86400000).toISOString();
  }
  return (
    <Modal opened onClose={onClose} title={`Corriger l’intervention de ${entry.workerName}`} centered>
      <Stack>
        <Text size="sm">
          Prévu : {formatDateTime(entry.plannedStart)} – {hhmm(entry.plannedEnd)}
        </Text>
        <Group grow>
          <TextInput type="time" label="Début réel" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TextInput type="time" label="Fin réelle" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
        </Group>
        <NumberInput
          label="Pause (minutes)"
          min={0}
          max={600}
          value={pause}
          onChange={setPause}
          error={fieldErrors.breakMinutes}
        />
        <Textarea
          label="Raison de la correction"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrors.reason}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await call(timesheetsApi.correctEntry, {
                  params: { orgId, id: entry.id },
                  body: {
                    actualStart: withTime(entry.actualStart, start),
                    actualEnd: endIso,
                    breakMinutes: Number(pause) || 0,
                    reason,
                  },
                });
                onSaved();
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            Enregistrer la correction
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EntriesTable({ t, onCorrect }: { t: TimesheetDetail; onCorrect?: (e: Entry) => void }) {
  return (
    <StackTable striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Salarié·e</Table.Th>
          <Table.Th>Prévu</Table.Th>
          <Table.Th>Réel</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>Pause</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>Heures</Table.Th>
          {onCorrect && <Table.Th>Action</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {t.entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatDate(e.actualStart)}</Table.Td>
            <Table.Td>{e.workerName}</Table.Td>
            <Table.Td>{formatTimeRange(e.plannedStart, e.plannedEnd)}</Table.Td>
            <Table.Td>
              {formatTimeRange(e.actualStart, e.actualEnd)}
              {e.corrections.map((c) => (
                <Text key={c.at} size="xs" c="dimmed">
                  Corrigé le {formatDateTime(c.at)}
                  {c.by ? ` par ${c.by}` : ''} : {c.reason} (avant{' '}
                  {formatTimeRange(c.before.actualStart, c.before.actualEnd)}, pause {c.before.breakMinutes} min)
                </Text>
              ))}
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{e.breakMinutes ? `${e.breakMinutes} min` : '—'}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatMinutes(e.minutes)}</Table.Td>
            {onCorrect && (
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => onCorrect(e)}
                  aria-label={`Corriger l’intervention du ${formatDate(e.actualStart)} de ${e.workerName}`}
                >
                  Corriger
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackTable>
  );
}

/** One timesheet: entries, corrections, and the next step (send, validate, dispute, resolve). */
export function TimesheetPage() {
  const orgId = useOrgId();
  const { timesheetId } = useParams();
  const can = useCan();
  const m = useMembership();
  const portal = m.role === 'client_user';
  const qc = useQueryClient();
  const key = ['timesheet', orgId, timesheetId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call(timesheetsApi.get, { params: { orgId, id: timesheetId! } }),
  });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['timesheets', orgId] });
  };
  const params = { orgId, id: timesheetId! };
  const act = async (run: () => Promise<object>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      const out = await run();
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Fermer la notification' },
        message: done ?? 'C’est fait.',
      });
      if ('link' in out && typeof out.link === 'string') setText(out.link);
      refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const t = q.data!;
  const editable = !t.locked && can('timesheet.write') && !portal;
  return (
    <>
      <PageHeader
        title={`Relevé d’heures — ${t.clientName}${supplementLabel(t.sequence)}`}
        subtitle={
          <>
            {monthOptions(24).find((x) => x.value === t.month)?.label ?? t.month} · {formatMinutes(t.minutes)} ·{' '}
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
                  onClick={() => act(() => call(timesheetsApi.send, { params }), 'Relevé envoyé au client.')}
                >
                  {t.status === 'draft' ? 'Envoyer au client' : 'Renvoyer au client'}
                </Button>
                {text && (
                  <TextInput
                    label="Lien privé envoyé au client"
                    value={text}
                    readOnly
                    w={480}
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
              <Group align="flex-end">
                <Textarea
                  label="Une erreur ? Dites laquelle"
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  w={420}
                />
                <Button
                  color="red.9"
                  variant="outline"
                  loading={busy}
                  onClick={() =>
                    act(() => call(timesheetsApi.dispute, { params, body: { reason: text } }), 'Contestation envoyée.')
                  }
                >
                  Contester
                </Button>
              </Group>
            )}
            {!portal && t.status === 'disputed' && can('timesheet.manage') && (
              <Group align="flex-end">
                <Textarea
                  label="Réponse au client"
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  w={420}
                />
                <Button
                  loading={busy}
                  onClick={() =>
                    act(
                      () => call(timesheetsApi.resolve, { params, body: { resolution: text } }),
                      'Réponse envoyée : le client peut valider.',
                    )
                  }
                >
                  Résoudre et renvoyer
                </Button>
              </Group>
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
            notifications.show({
              color: 'green',
              closeButtonProps: { 'aria-label': 'Fermer la notification' },
              message: 'Correction enregistrée.',
            });
            refresh();
          }}
        />
      )}
    </>
  );
}

/** The client's private link: no account needed. */
export function PublicTimesheetPage() {
  const { token } = useParams();
  const q = useQuery({
    queryKey: ['public-timesheet', token],
    queryFn: () => call(timesheetsApi.publicGet, { params: { token: token! } }),
    retry: false,
  });
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async (run: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await run();
      setDone(message);
    } catch (e) {
      setError(e);
    }
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} title="Lien invalide ou déjà utilisé" />;
  const t = q.data!;
  const fe = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Stack p="md" maw={960} mx="auto">
      <PageHeader title={`Relevé d’heures — ${t.clientName}`} subtitle={`${t.month} · ${formatMinutes(t.minutes)}`} />
      {done ? (
        <Card withBorder>
          <Text>{done}</Text>
        </Card>
      ) : (
        <Card withBorder>
          <Stack>
            <TextInput
              label="Votre nom"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fe.name}
            />
            <Button
              color="teal.9"
              onClick={() =>
                send(
                  () => call(timesheetsApi.publicValidate, { params: { token: token! }, body: { name } }),
                  'Merci : les heures sont validées.',
                )
              }
            >
              Valider ces heures
            </Button>
            {t.status === 'sent' && (
              <>
                <Textarea
                  label="Une erreur ? Dites laquelle"
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={fe.reason}
                />
                <Button
                  color="red.9"
                  variant="outline"
                  onClick={() =>
                    send(
                      () => call(timesheetsApi.publicDispute, { params: { token: token! }, body: { name, reason } }),
                      'Merci : l’association va corriger et vous renvoyer le relevé.',
                    )
                  }
                >
                  Signaler une erreur
                </Button>
              </>
            )}
            <ErrorAlert error={error} />
          </Stack>
        </Card>
      )}
      <EntriesTable t={t} />
    </Stack>
  );
}
