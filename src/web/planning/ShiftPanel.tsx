import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatMinutes, normalise } from '../../shared/format';
import { POOLING_REQUEST_STATUS_LABELS, PROPOSAL_STATUS_LABELS, planningApi } from '../../shared/planning';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert } from '../shell/ui';
import { type Candidate, CHANNEL_LABELS, type Grid, type Shift, useCandidates, usePlanningAction } from './model';
import { longDay, parisClock, parisDay, parisIso } from './time';

/** One shift: who, when, where; for an open shift the ranked candidates, assigned in one click. */
export function ShiftPanel({
  shift,
  onClose,
  onDeclareAbsence,
}: {
  shift: Shift | null;
  onClose: () => void;
  onDeclareAbsence: (s: Shift) => void;
}) {
  const orgId = useOrgId();
  const can = useCan();
  const open = shift?.status === 'open';
  // Looking for a given person (the one the contract names, say): every possible person, filtered by name.
  const [search, setSearch] = useState('');
  const candidates = useCandidates(open && can('candidate.read') ? shift!.id : null, search.trim() ? 200 : 10);
  const ranked = (candidates.data?.items ?? [])
    .map((c, i) => ({ c, rank: i + 1 }))
    .filter(({ c }) => !search.trim() || normalise(c.name).includes(normalise(search.trim())));
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [unreachable, setUnreachable] = useState<string[]>([]);
  const proposals = useQuery({
    queryKey: ['planning', orgId, 'proposals', shift?.id],
    queryFn: () => call(planningApi.proposals, { params: { orgId, shiftId: shift!.id } }),
    enabled: !!shift && can('shift.assign'),
  });
  // Reset when another shift (or new times) is shown — not when the grid's refetch hands the same shift again,
  // which would wipe « Proposition envoyée à … » the moment after it appears.
  const shiftKey = shift ? `${shift.id} ${shift.start} ${shift.end}` : null;
  const qc = useQueryClient();
  const onShift = (o: string) => ({ orgId: o, shiftId: shift!.id });
  // Moves the shift; a time the rules refuse comes back under its field (API.md's details on start/end).
  const moveForm = useApiForm({
    initial: { day: '', from: '', to: '' },
    submit: (v) =>
      call(planningApi.move, {
        params: onShift(orgId),
        body: { start: parisIso(v.day, v.from), end: parisIso(v.to <= v.from ? nextDay(v.day) : v.day, v.to) },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['planning', orgId] });
      setMessage('Créneau déplacé.');
    },
  });
  const { setValues: setMoveValues } = moveForm;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the shift's identity and times, not its object
  useEffect(() => {
    if (shift) {
      setMoveValues({ day: parisDay(shift.start), from: parisClock(shift.start), to: parisClock(shift.end) });
      setChosen([]);
      setSearch('');
      setMessage(null);
      setUnreachable([]);
    }
  }, [shiftKey]);
  /** Once assigned, the shift leaves the grid's open row at once; the grid's refresh then shows it in its row. */
  const leaveOpenRow = (id: string) =>
    qc.setQueriesData<Grid>({ queryKey: ['planning', orgId, 'grid'] }, (g) =>
      g ? { ...g, openShifts: g.openShifts.filter((s) => s.id !== id) } : g,
    );
  const assign = usePlanningAction((o, workerId: string) =>
    call(planningApi.assign, { params: onShift(o), body: { workerId } }),
  );
  const propose = usePlanningAction((o, workerIds: string[]) =>
    call(planningApi.propose, { params: onShift(o), body: { workerIds } }),
  );
  const cancel = usePlanningAction((o) => call(planningApi.cancel, { params: onShift(o), body: {} }));
  const askNetwork = usePlanningAction((o) => call(planningApi.askNetwork, { params: onShift(o) }));
  const pooling = useQuery({
    queryKey: ['planning', orgId, 'pooling', shift?.id],
    queryFn: () => call(planningApi.shiftPooling, { params: onShift(orgId) }),
    enabled: open && can('shift.assign'),
  });
  const acceptOffer = usePlanningAction((o, offerId: string) =>
    call(planningApi.acceptPoolingOffer, { params: { ...onShift(o), offerId } }),
  );
  const error = assign.error ?? propose.error ?? cancel.error ?? askNetwork.error ?? acceptOffer.error;
  // The ranking is the order (the best placed first); a header sorts by name, a third click brings the rank back.
  const candidateColumns: DataColumn<{ c: Candidate; rank: number }>[] = [
    {
      key: 'choisir',
      header: 'Choisir',
      hideHeader: true,
      cell: ({ c }) => (
        <Checkbox
          aria-label={`Proposer à ${c.name}`}
          checked={chosen.includes(c.workerId)}
          onChange={(e) =>
            setChosen((x) => (e.currentTarget.checked ? [...x, c.workerId] : x.filter((y) => y !== c.workerId)))
          }
        />
      ),
    },
    {
      key: 'personne',
      header: 'Personne',
      sortBy: ({ c }) => c.name,
      cell: ({ c, rank }) => (
        <>
          <Text fw={600}>
            {rank}. {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            Score {c.score} · {formatMinutes(c.minutesThisWeek)} cette semaine
          </Text>
        </>
      ),
    },
    {
      key: 'pourquoi',
      header: 'Pourquoi',
      cell: ({ c }) => (
        <>
          <Text size="sm">{c.reasons.join(' · ')}</Text>
          {c.warnings.map((w) => (
            <Text key={w} size="xs" c="red.9">
              {w}
            </Text>
          ))}
        </>
      ),
    },
    {
      key: 'action',
      header: 'Action',
      cell: ({ c }) => (
        <Button
          size="xs"
          loading={assign.isPending && assign.variables === c.workerId}
          onClick={async () => {
            const r = await assign.mutateAsync(c.workerId).catch(() => null);
            if (r && shift) {
              leaveOpenRow(shift.id);
              setMessage(`${c.name} est affecté·e à ce créneau.`);
              onClose();
            }
          }}
        >
          Affecter {c.name}
        </Button>
      ),
    },
  ];

  return (
    <Drawer opened={!!shift} onClose={onClose} position="right" size="lg" title="Créneau">
      {shift && (
        <Stack>
          <div>
            <Title order={2} size="h3">
              {longDay(parisDay(shift.start))}, {parisClock(shift.start)}–{parisClock(shift.end)}
            </Title>
            <Text>
              {shift.clientName} · {shift.siteName}
              {shift.siteCommune ? ` (${shift.siteCommune})` : ''}
            </Text>
            <Text c="dimmed">
              {shift.romeLabel} · {formatMinutes(shift.minutes)}
              {shift.publicHoliday ? ' · jour férié' : ''}
            </Text>
            <Group mt="xs">
              {open ? (
                <Badge color="red.9">À pourvoir</Badge>
              ) : shift.status === 'cancelled' ? (
                <Badge color="gray">Annulé</Badge>
              ) : (
                <Badge color="teal.9">{shift.workerName}</Badge>
              )}
              {shift.clientLegalFormUnknown && (
                <Badge color="orange" variant="outline">
                  Forme juridique du client à compléter
                </Badge>
              )}
            </Group>
            {shift.contractUnsigned && (
              <Alert color="red" mt="xs" title="Avenant non signé">
                {shift.workerName} n’est pas encore nommé·e dans un contrat de mise à disposition signé par le client
                (art. R5132-20 du Code du travail) : l’avenant qui l’ajoute attend sa signature.
              </Alert>
            )}
            {shift.clientLegalFormUnknown && (
              <Text size="sm" mt={4}>
                Par prudence, ces heures comptent dans le plafond de 480 h.{' '}
                <Anchor component={Link} to={`/ai/${orgId}/clients/${shift.clientId}`}>
                  Compléter la fiche du client
                </Anchor>
              </Text>
            )}
          </div>
          <ErrorAlert error={error} />
          {message && (
            <Alert color="teal.9" role="status">
              {message}
            </Alert>
          )}
          {unreachable.length > 0 && (
            <Alert color="orange" title="Non prévenu·es" role="alert">
              {unreachable.map((u) => (
                <Text key={u} size="sm">
                  {u}
                </Text>
              ))}
            </Alert>
          )}
          {(proposals.data?.items.length ?? 0) > 0 && (
            <section aria-label="Propositions">
              <Title order={3} size="h4" mb="xs">
                Propositions
              </Title>
              <Stack gap={4}>
                {proposals.data!.items.map((p) => (
                  <Group key={p.id} gap="xs" data-testid="proposal">
                    <Text size="sm" fw={500}>
                      {p.workerName}
                    </Text>
                    <Badge
                      variant="outline"
                      color={p.status === 'pending' ? 'violet.9' : p.status === 'accepted' ? 'teal.9' : 'gray.8'}
                    >
                      {PROPOSAL_STATUS_LABELS[p.status]}
                    </Badge>
                    <Text size="xs" c={p.channel === 'none' ? 'red.9' : 'dimmed'}>
                      {CHANNEL_LABELS[p.channel]}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </section>
          )}

          {open && can('candidate.read') && (
            <section aria-label="Remplaçant·es proposé·es">
              <Title order={3} size="h4" mb="xs">
                Qui peut venir ?
              </Title>
              <TextInput
                label="Chercher une personne par son nom"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                mb="xs"
                maw={320}
              />
              {candidates.isPending ? (
                <Loader size="sm" aria-label="Recherche des remplaçant·es" />
              ) : (
                <DataTable
                  rows={ranked}
                  columns={candidateColumns}
                  rowKey={({ c }) => c.workerId}
                  rowProps={() => ({ 'data-testid': 'candidate' })}
                  caption="Remplaçant·es proposé·es, les mieux placé·es d’abord"
                  empty={
                    search.trim()
                      ? 'Personne de ce nom ne peut prendre ce créneau sans enfreindre une règle.'
                      : 'Personne dans votre équipe ne peut prendre ce créneau sans enfreindre une règle.'
                  }
                  urlPrefix="candidats-"
                  highlightOnHover={false}
                />
              )}
              {chosen.length > 0 && (
                <Button
                  mt="sm"
                  variant="light"
                  loading={propose.isPending}
                  onClick={async () => {
                    const r = await propose.mutateAsync(chosen).catch(() => null);
                    if (!r) return;
                    setChosen([]);
                    setUnreachable(r.unreachable.map((u) => u.message));
                    if (r.items.length > 0)
                      setMessage(
                        `Proposition envoyée à ${r.items
                          .map((p) => `${p.workerName} (${CHANNEL_LABELS[p.channel]})`)
                          .join(', ')} : la première personne qui accepte aura le créneau.`,
                      );
                  }}
                >
                  Proposer à {chosen.length} personne{chosen.length > 1 ? 's' : ''} (par e-mail)
                </Button>
              )}
            </section>
          )}

          {open && can('shift.assign') && (
            <section aria-label="Mutualisation">
              <Divider my="xs" />
              <Title order={3} size="h4" mb="xs">
                Demander au réseau
              </Title>
              {pooling.data?.request ? (
                <Stack gap="xs">
                  <Text size="sm">
                    Demande envoyée aux AI du réseau ({POOLING_REQUEST_STATUS_LABELS[pooling.data.request.status]}).
                  </Text>
                  {pooling.data.offers.map((o) => (
                    <Group key={o.id} justify="space-between">
                      <Text size="sm">
                        {o.firstName} ({o.organisationName}
                        {o.distanceKm !== null ? `, ${o.distanceKm} km` : ''})
                      </Text>
                      {o.status === 'offered' && (
                        <Button size="xs" onClick={() => acceptOffer.mutate(o.id)}>
                          Accepter
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Button
                  variant="default"
                  loading={askNetwork.isPending}
                  onClick={async () => {
                    const r = await askNetwork.mutateAsync().catch(() => null);
                    if (r) setMessage(`Demande envoyée à ${r.notified} AI du réseau (sans données personnelles).`);
                  }}
                >
                  Demander aux AI du réseau
                </Button>
              )}
            </section>
          )}

          {shift.status !== 'cancelled' && can('shift.write') && (
            <section aria-label="Modifier le créneau">
              <Divider my="xs" />
              <Title order={3} size="h4" mb="xs">
                Déplacer
              </Title>
              <form onSubmit={moveForm.onSubmit}>
                <ErrorAlert error={moveForm.alertError} />
                <Group align="flex-end">
                  <TextInput type="date" label="Jour" {...moveForm.field('day')} />
                  <TextInput type="time" label="Début" {...moveForm.field('from')} error={moveForm.errorAt('start')} />
                  <TextInput type="time" label="Fin" {...moveForm.field('to')} error={moveForm.errorAt('end')} />
                  <Button type="submit" variant="default" loading={moveForm.busy}>
                    Déplacer
                  </Button>
                </Group>
              </form>
              <Group mt="md">
                {shift.status === 'assigned' && shift.workerId && can('absence.declare') && (
                  <Button color="red.9" variant="outline" onClick={() => onDeclareAbsence(shift)}>
                    Déclarer une absence de {shift.workerName}
                  </Button>
                )}
                <ConfirmButton
                  color="red.9"
                  variant="subtle"
                  consequence="Le créneau sera annulé : il ne sera ni travaillé ni facturé."
                  confirmLabel="Annuler le créneau"
                  onConfirm={async () => {
                    await cancel.mutateAsync();
                    onClose();
                  }}
                >
                  Annuler le créneau
                </ConfirmButton>
              </Group>
            </section>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function nextDay(date: string) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
