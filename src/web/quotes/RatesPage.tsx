import { Button, Grid, NumberInput, Select, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CLIENT_KIND_LABELS, CLIENT_KIND_OPTIONS } from '../../shared/clients';
import { formatCents, formatDate, formatMinutes } from '../../shared/format';
import { quotesApi, type Rate } from '../../shared/quotes';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { EuroInput } from '../blocks/EuroInput';
import { useApiForm } from '../blocks/useApiForm';
import { JobSelect } from '../directory/Filters';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';

const jobOf = (r: Rate) => (r.rome ? `${r.romeLabel ?? ''} (${r.rome})` : 'Tous les métiers');
const clientKindOf = (r: Rate) => (r.clientKind ? CLIENT_KIND_LABELS[r.clientKind] : 'Tous');
const surchargesOf = (r: Rate) => `${r.nightSurchargePct} % / ${r.sundaySurchargePct} % / ${r.holidaySurchargePct} %`;
const minimumOf = (r: Rate) => (r.minimumBilledMinutes ? formatMinutes(r.minimumBilledMinutes) : '—');
const periodOf = (r: Rate) =>
  `du ${formatDate(r.effectiveFrom)}${r.effectiveTo ? ` au ${formatDate(r.effectiveTo)}` : ''}`;

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
  const form = useApiForm({
    initial: {
      rome: '',
      clientKind: '',
      rate: '' as number | string,
      night: 25 as number | string,
      sunday: 50 as number | string,
      holiday: 100 as number | string,
      travel: 0 as number | string,
      minimum: 0 as number | string,
      effectiveFrom: today,
    },
    submit: (v) =>
      call(quotesApi.createRate, {
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
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['rates', orgId] });
      notifications.show({ message: 'Tarif enregistré.', color: 'green' });
    },
    resetOnSuccess: true,
  });
  const columns: DataColumn<Rate>[] = [
    { key: 'metier', header: 'Métier', sortBy: jobOf, cell: jobOf },
    { key: 'client', header: 'Type de client', sortBy: clientKindOf, cell: clientKindOf },
    {
      key: 'taux',
      header: 'Taux horaire',
      align: 'right',
      sortBy: (r) => r.hourlyRateCents,
      csv: (r) => formatCents(r.hourlyRateCents),
      cell: (r) => formatCents(r.hourlyRateCents),
    },
    { key: 'majorations', header: 'Nuit / dim. / férié', align: 'right', csv: surchargesOf, cell: surchargesOf },
    {
      key: 'deplacement',
      header: 'Déplacement',
      align: 'right',
      csv: (r) => formatCents(r.travelFeeCents),
      cell: (r) => formatCents(r.travelFeeCents),
    },
    { key: 'minimum', header: 'Minimum', align: 'right', csv: minimumOf, cell: minimumOf },
    { key: 'periode', header: 'Période', csv: periodOf, cell: periodOf },
    {
      // No header, as before: most rates have no action, and an "Actions" label would stand alone on a phone.
      key: 'actions',
      header: '',
      cell: (r) =>
        can('rate.write') &&
        r.effectiveFrom > today && (
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
        ),
    },
  ];
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
        <DataTable
          rows={list.data?.items ?? []}
          columns={columns}
          rowKey={(r) => r.id}
          caption="Tarifs"
          empty="Aucun tarif."
          csvName="tarifs"
          mb="lg"
        />
      )}
      {can('rate.write') && (
        <form onSubmit={form.onSubmit} noValidate>
          <Title order={2} size="h4" mb="xs">
            Nouveau tarif
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Le tarif en vigueur pour le même métier et le même type de client s’arrête la veille : les heures déjà
            faites gardent leur prix.
          </Text>
          <ErrorAlert error={form.alertError} />
          <Grid align="flex-end">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <JobSelect label="Métier (vide : tous)" {...form.field('rome')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                label="Type de client (vide : tous)"
                clearable
                data={CLIENT_KIND_OPTIONS}
                {...form.field('clientKind')}
                value={form.values.clientKind || null}
                onChange={(x) => form.set('clientKind', x ?? '')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              <EuroInput
                label="Taux horaire (€)"
                required
                suffix=""
                {...form.field('rate')}
                error={form.errorAt('hourlyRateCents')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput type="date" label="À partir du" required {...form.field('effectiveFrom')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput label="Nuit (%)" {...form.field('night')} error={form.errorAt('nightSurchargePct')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput label="Dimanche (%)" {...form.field('sunday')} error={form.errorAt('sundaySurchargePct')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Jour férié (%)"
                {...form.field('holiday')}
                error={form.errorAt('holidaySurchargePct')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <EuroInput
                label="Déplacement (€)"
                suffix=""
                {...form.field('travel')}
                error={form.errorAt('travelFeeCents')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <NumberInput
                label="Minimum facturé (h)"
                decimalSeparator=","
                decimalScale={2}
                {...form.field('minimum')}
                error={form.errorAt('minimumBilledMinutes')}
              />
            </Grid.Col>
            {/* As wide as its label: in a sixth of the row it went past the page's edge (1366 px and 360 px). */}
            <Grid.Col span={{ base: 12, md: 'content' }}>
              <Button type="submit" loading={form.busy}>
                Enregistrer le tarif
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </>
  );
}
