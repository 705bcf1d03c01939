import {
  ActionIcon,
  Button,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatCents } from '../../shared/format';
import { ApiError, api, qs } from '../api';
import type { ClientDetail } from '../clients/labels';
import { JobSelect } from '../directory/Filters';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, PageHeader } from '../shell/ui';
import { lineTotal } from './labels';
import { Notice } from './Notice';

type Line = { rome: string; label: string; hours: number | string; rate: number | string };
type Draft = {
  needId: string;
  reference: string;
  clientId: string | null;
  establishmentName: string;
  lines: { rome: string; label: string; minutes: number; hourlyRateCents: number | null }[];
  validUntil: string;
  startDate: string | null;
  endDate: string | null;
  tasks: string | null;
  protectiveEquipment: string | null;
  equipmentSuppliedBy: string | null;
  notes: string | null;
};

const in30 = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const emptyLine = (): Line => ({ rome: '', label: '', hours: '', rate: '' });

/** Build a quote by hand or from a claimed need's HR diagnostic. */
export function NewQuotePage() {
  const orgId = useOrgId();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [clientId, setClientId] = useState(params.get('clientId') ?? '');
  const needId = params.get('needId') ?? '';
  const [clientSearch, setClientSearch] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [v, setV] = useState({
    validUntil: in30(),
    tenderReference: '',
    siteId: '',
    startDate: '',
    endDate: '',
    tasks: '',
    protectiveEquipment: '',
    equipmentSuppliedBy: '',
    equivalentPay: '' as number | string,
    notes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const needs = useQuery({
    queryKey: ['needs', orgId, 'open'],
    queryFn: () =>
      api<{ items: { id: string; reference: string; establishmentName: string }[] }>(
        `/api/orgs/${orgId}/needs${qs({ status: 'open', limit: 100 })}`,
      ),
    enabled: can('need.read'),
  });
  const draft = useQuery({
    queryKey: ['quote-draft', orgId, needId],
    queryFn: () => api<Draft>(`/api/orgs/${orgId}/needs/${needId}/quote-draft`),
    enabled: !!needId,
  });
  useEffect(() => {
    const d = draft.data;
    if (!d) return;
    if (d.clientId) setClientId(d.clientId);
    setLines(
      d.lines.map((l) => ({
        rome: l.rome,
        label: l.label,
        hours: Math.round((l.minutes / 60) * 100) / 100,
        rate: l.hourlyRateCents ? l.hourlyRateCents / 100 : '',
      })),
    );
    setV((old) => ({
      ...old,
      validUntil: d.validUntil,
      startDate: d.startDate ?? '',
      endDate: d.endDate ?? '',
      tasks: d.tasks ?? '',
      protectiveEquipment: d.protectiveEquipment ?? '',
      equipmentSuppliedBy: d.equipmentSuppliedBy ?? '',
      notes: d.notes ?? '',
    }));
  }, [draft.data]);

  const clients = useQuery({
    queryKey: ['clients', orgId, 'pick', clientSearch],
    queryFn: () =>
      api<{ items: { id: string; name: string }[] }>(`/api/orgs/${orgId}/clients${qs({ q: clientSearch, limit: 30 })}`),
  });
  const client = useQuery({
    queryKey: ['client', orgId, clientId],
    queryFn: () => api<ClientDetail>(`/api/orgs/${orgId}/clients/${clientId}`),
    enabled: !!clientId,
  });
  const clientOptions = [
    ...(client.data ? [{ value: client.data.id, label: client.data.name }] : []),
    ...(clients.data?.items ?? []).filter((c) => c.id !== clientId).map((c) => ({ value: c.id, label: c.name })),
  ];

  const lookupRate = async (i: number, rome: string) => {
    if (!client.data || !/^[A-N]\d{4}$/.test(rome)) return;
    const on = v.startDate || new Date().toISOString().slice(0, 10);
    const r = await api<{ rate: { hourlyRateCents: number; romeLabel: string | null } | null }>(
      `/api/orgs/${orgId}/rates/lookup${qs({ rome, clientKind: client.data.kind, on })}`,
    );
    setLines((ls) =>
      ls.map((l, k) => (k === i && r.rate && l.rate === '' ? { ...l, rate: r.rate.hourlyRateCents / 100 } : l)),
    );
  };

  const toMinutes = (h: number | string) => Math.round(Number(h) * 60);
  const toCents = (e: number | string) => Math.round(Number(e) * 100);
  const total = lines.reduce(
    (s, l) => s + (l.hours !== '' && l.rate !== '' ? lineTotal(toMinutes(l.hours), toCents(l.rate)) : 0),
    0,
  );

  const createClientFromNeed = async () => {
    setError(null);
    try {
      const c = await api<{ id: string }>(`/api/orgs/${orgId}/needs/${needId}/client`, { method: 'POST' });
      setClientId(c.id);
      draft.refetch();
    } catch (e) {
      setError(e);
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const q = await api<{ id: string }>(`/api/orgs/${orgId}/quotes`, {
        body: {
          clientId: clientId || undefined,
          needId: needId || undefined,
          lines: lines.map((l) => ({
            rome: l.rome,
            label: l.label.trim() || undefined,
            minutes: l.hours === '' ? undefined : toMinutes(l.hours),
            hourlyRateCents: l.rate === '' ? undefined : toCents(l.rate),
          })),
          validUntil: v.validUntil,
          tenderReference: v.tenderReference || null,
          siteId: v.siteId || null,
          startDate: v.startDate || null,
          endDate: v.endDate || null,
          tasks: v.tasks || null,
          protectiveEquipment: v.protectiveEquipment || null,
          equipmentSuppliedBy: v.equipmentSuppliedBy || null,
          equivalentPayCents: v.equivalentPay === '' ? null : toCents(v.equivalentPay),
          notes: v.notes || null,
        },
      });
      navigate(`../${q.id}`, { relative: 'path' });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (k: keyof typeof v) => ({
    value: String(v[k]),
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }),
  });

  return (
    <>
      <PageHeader title="Nouveau devis" subtitle="À partir d’un besoin pris en charge, ou à la main" />
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <Grid>
            {can('need.read') && (
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label="Besoin pris en charge (facultatif)"
                  placeholder="Choisir un besoin"
                  clearable
                  searchable
                  data={(needs.data?.items ?? []).map((n) => ({
                    value: n.id,
                    label: `${n.reference} — ${n.establishmentName}`,
                  }))}
                  value={needId || null}
                  onChange={(x) => {
                    const p = new URLSearchParams(params);
                    if (x) p.set('needId', x);
                    else p.delete('needId');
                    setParams(p, { replace: true });
                  }}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label="Client"
                required
                searchable
                placeholder="Tapez une partie du nom"
                searchValue={clientSearch}
                onSearchChange={setClientSearch}
                data={clientOptions}
                value={clientId || null}
                onChange={(x) => setClientId(x ?? '')}
                error={errors.clientId}
                filter={({ options }) => options}
              />
            </Grid.Col>
          </Grid>
          {needId && draft.data && !draft.data.clientId && !clientId && (
            <Notice color="blue" title="Ce besoin n’a pas encore de client">
              <Group justify="space-between">
                <Text>« {draft.data.establishmentName} » deviendra un client avec son adresse et son contact.</Text>
                <Button onClick={createClientFromNeed}>Créer le client à partir du besoin</Button>
              </Group>
            </Notice>
          )}
          <Title order={2} size="h4">
            Lignes
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Métier</Table.Th>
                <Table.Th>Libellé</Table.Th>
                <Table.Th>Heures</Table.Th>
                <Table.Th>Taux horaire (€)</Table.Th>
                <Table.Th>Montant</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id before they are saved
                <Table.Tr key={i}>
                  <Table.Td miw={220}>
                    <JobSelect
                      label={`Métier de la ligne ${i + 1}`}
                      value={l.rome}
                      onChange={(rome) => {
                        setLines((ls) => ls.map((x, k) => (k === i ? { ...x, rome } : x)));
                        lookupRate(i, rome);
                      }}
                      error={errors[`lines.${i}.rome`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      label={`Libellé de la ligne ${i + 1}`}
                      placeholder="Libellé du métier par défaut"
                      value={l.label}
                      onChange={(e) => {
                        const label = e.currentTarget.value;
                        setLines((ls) => ls.map((x, k) => (k === i ? { ...x, label } : x)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      label={`Heures de la ligne ${i + 1}`}
                      decimalSeparator=","
                      decimalScale={2}
                      min={0}
                      value={l.hours}
                      onChange={(hours) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, hours } : x)))}
                      error={errors[`lines.${i}.minutes`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      label={`Taux horaire de la ligne ${i + 1}`}
                      decimalSeparator=","
                      decimalScale={2}
                      min={0}
                      value={l.rate}
                      onChange={(rate) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, rate } : x)))}
                      error={errors[`lines.${i}.hourlyRateCents`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    {l.hours !== '' && l.rate !== ''
                      ? formatCents(lineTotal(toMinutes(l.hours), toCents(l.rate)))
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Retirer la ligne ${i + 1}`}
                      disabled={lines.length === 1}
                      onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.lines && <Text c="red">{errors.lines}</Text>}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
              Ajouter une ligne
            </Button>
            <Text fw={700}>Total : {formatCents(total)}</Text>
          </Group>
          <Title order={2} size="h4">
            Conditions (reprises dans le contrat de mise à disposition)
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                type="date"
                label="Valable jusqu’au"
                required
                {...text('validUntil')}
                error={errors.validUntil}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput type="date" label="Début" {...text('startDate')} error={errors.startDate} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput type="date" label="Fin" {...text('endDate')} error={errors.endDate} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput label="Référence de marché public" {...text('tenderReference')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label="Lieu d’intervention"
                placeholder="Le premier lieu du client"
                clearable
                data={(client.data?.sites ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.name} (${s.address.communeName})`,
                }))}
                value={v.siteId || null}
                onChange={(x) => setV({ ...v, siteId: x ?? '' })}
                error={errors.siteId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Textarea label="Tâches confiées" autosize minRows={1} {...text('tasks')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label="Équipements de protection" {...text('protectiveEquipment')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                label="Fournis par"
                clearable
                data={[
                  { value: 'client', label: 'Le client' },
                  { value: 'ai', label: 'L’association' },
                  { value: 'shared', label: 'Les deux' },
                ]}
                value={v.equipmentSuppliedBy || null}
                onChange={(x) => setV({ ...v, equipmentSuppliedBy: x ?? '' })}
              />
            </Grid.Col>
            {(client.data?.companyByLegalForm || client.data?.kind === 'company') && (
              <Grid.Col span={{ base: 12, md: 3 }}>
                <NumberInput
                  label="Salaire horaire d’un salarié équivalent (€)"
                  description="Mention obligatoire pour une entreprise (R5132-20)"
                  decimalSeparator=","
                  decimalScale={2}
                  min={0}
                  value={v.equivalentPay}
                  onChange={(x) => setV({ ...v, equivalentPay: x })}
                  error={errors.equivalentPayCents}
                />
              </Grid.Col>
            )}
            <Grid.Col span={12}>
              <Textarea label="Notes internes" autosize minRows={1} {...text('notes')} />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              Créer le devis
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
