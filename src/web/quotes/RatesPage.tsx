import { Button, Grid, NumberInput, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CLIENT_KIND_LABELS, CLIENT_KIND_OPTIONS } from '../../shared/clients';
import { formatCents, formatDate, formatMinutes } from '../../shared/format';
import { quotesApi } from '../../shared/quotes';
import { ApiError, call } from '../api';
import { JobSelect } from '../directory/Filters';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';

/** Rates per job and client kind, with their history; a new rate closes the previous one. */
export function RatesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const [f, setF] = useUrlFilters(['history'] as const);
  const today = new Date().toISOString().slice(0, 10);
  const list = useQuery({
    queryKey: ['rates', orgId, f.history],
    queryFn: () =>
      call(quotesApi.rates, { params: { orgId }, query: { on: f.history ? undefined : today, limit: 200 } }),
  });
  const blank = {
    rome: '',
    clientKind: '',
    rate: '' as number | string,
    night: 25 as number | string,
    sunday: 50 as number | string,
    holiday: 100 as number | string,
    travel: 0 as number | string,
    minimum: 0 as number | string,
    effectiveFrom: today,
  };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setError(null);
    try {
      await call(quotesApi.createRate, {
        params: { orgId },
        body: {
          rome: v.rome || null,
          clientKind: v.clientKind || null,
          hourlyRateCents: v.rate === '' ? undefined : Math.round(Number(v.rate) * 100),
          nightSurchargePct: Number(v.night),
          sundaySurchargePct: Number(v.sunday),
          holidaySurchargePct: Number(v.holiday),
          travelFeeCents: Math.round(Number(v.travel) * 100),
          minimumBilledMinutes: Math.round(Number(v.minimum) * 60),
          effectiveFrom: v.effectiveFrom,
        },
      });
      setV(blank);
      qc.invalidateQueries({ queryKey: ['rates', orgId] });
      notifications.show({ message: 'Tarif enregistré.', color: 'green' });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(err);
    }
  };
  return (
    <>
      <PageHeader
        title="Tarifs"
        subtitle="Taux horaire par métier et type de client, majorations de nuit (21 h – 6 h), dimanche et jours fériés"
      />
      <Select
        label="Afficher"
        data={[
          { value: '', label: 'Les tarifs en vigueur' },
          { value: '1', label: 'Tout l’historique' },
        ]}
        value={f.history}
        onChange={(x) => setF({ history: x })}
        allowDeselect={false}
        w={240}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <Table striped mb="lg">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Métier</Table.Th>
              <Table.Th>Type de client</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Taux horaire</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Nuit / dim. / férié</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Déplacement</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Minimum</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.rome ? `${r.romeLabel ?? ''} (${r.rome})` : 'Tous les métiers'}</Table.Td>
                <Table.Td>{r.clientKind ? CLIENT_KIND_LABELS[r.clientKind] : 'Tous'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(r.hourlyRateCents)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {r.nightSurchargePct} % / {r.sundaySurchargePct} % / {r.holidaySurchargePct} %
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(r.travelFeeCents)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {r.minimumBilledMinutes ? formatMinutes(r.minimumBilledMinutes) : '—'}
                </Table.Td>
                <Table.Td>
                  du {formatDate(r.effectiveFrom)}
                  {r.effectiveTo ? ` au ${formatDate(r.effectiveTo)}` : ''}
                </Table.Td>
                <Table.Td>
                  {can('rate.write') && r.effectiveFrom > today && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={async () => {
                        await call(quotesApi.deleteRate, { params: { orgId, rateId: r.id } });
                        qc.invalidateQueries({ queryKey: ['rates', orgId] });
                      }}
                    >
                      Supprimer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('rate.write') && (
        <form onSubmit={submit} noValidate>
          <Title order={2} size="h4" mb="xs">
            Nouveau tarif
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Le tarif en vigueur pour le même métier et le même type de client s’arrête la veille : les heures déjà
            faites gardent leur prix.
          </Text>
          <ErrorAlert error={error} />
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <JobSelect
                label="Métier (vide : tous)"
                value={v.rome}
                onChange={(rome) => setV({ ...v, rome })}
                error={errors.rome}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                label="Type de client (vide : tous)"
                clearable
                data={CLIENT_KIND_OPTIONS}
                value={v.clientKind || null}
                onChange={(x) => setV({ ...v, clientKind: x ?? '' })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <NumberInput
                label="Taux horaire (€)"
                required
                decimalSeparator=","
                decimalScale={2}
                value={v.rate}
                onChange={(x) => setV({ ...v, rate: x })}
                error={errors.hourlyRateCents}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput
                type="date"
                label="À partir du"
                required
                value={v.effectiveFrom}
                onChange={(e) => setV({ ...v, effectiveFrom: e.currentTarget.value })}
                error={errors.effectiveFrom}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Nuit (%)"
                value={v.night}
                onChange={(x) => setV({ ...v, night: x })}
                error={errors.nightSurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Dimanche (%)"
                value={v.sunday}
                onChange={(x) => setV({ ...v, sunday: x })}
                error={errors.sundaySurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Jour férié (%)"
                value={v.holiday}
                onChange={(x) => setV({ ...v, holiday: x })}
                error={errors.holidaySurchargePct}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Déplacement (€)"
                decimalSeparator=","
                decimalScale={2}
                value={v.travel}
                onChange={(x) => setV({ ...v, travel: x })}
                error={errors.travelFeeCents}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Minimum facturé (h)"
                decimalSeparator=","
                decimalScale={2}
                value={v.minimum}
                onChange={(x) => setV({ ...v, minimum: x })}
                error={errors.minimumBilledMinutes}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Button type="submit">Enregistrer le tarif</Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </>
  );
}
