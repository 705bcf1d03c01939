import { Button, Card, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { formatCents, formatDate } from '../../shared/format';
import { type CesuBatch, type ClientIndividual, individualsApi } from '../../shared/individuals';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { EuroInput } from '../blocks/EuroInput';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';
import { euroToCents, today } from './PaymentForm';

const columns: DataColumn<CesuBatch>[] = [
  {
    key: 'recus',
    header: 'Reçus le',
    sortBy: (b) => b.receivedOn,
    csv: (b) => formatDate(b.receivedOn),
    cell: (b) => formatDate(b.receivedOn),
  },
  {
    key: 'titres',
    header: 'Titres',
    csv: (b) => `${b.count} × ${formatCents(b.faceValueCents)} ${b.issuer} (n° ${b.numbers})`,
    cell: (b) => `${b.count} × ${formatCents(b.faceValueCents)} ${b.issuer} (n° ${b.numbers})`,
  },
  {
    key: 'reste',
    header: 'Reste',
    align: 'right',
    sortBy: (b) => b.leftCents,
    csv: (b) => formatCents(b.leftCents),
    cell: (b) => formatCents(b.leftCents),
  },
];

/** Prepaid CESU titles received from an individual: the batches and what is left of each, and a new batch. */
export function CesuCard(p: { clientId: string; data: ClientIndividual; onChange: () => void; write: boolean }) {
  const orgId = useOrgId();
  const form = useApiForm({
    initial: {
      issuer: '',
      numbers: '',
      faceValue: '' as string | number,
      count: 1 as string | number,
      receivedOn: today(),
    },
    submit: (v) =>
      call(individualsApi.recordCesuTitles, {
        params: { orgId },
        body: {
          clientId: p.clientId,
          issuer: v.issuer,
          numbers: v.numbers,
          faceValueCents: euroToCents(v.faceValue),
          count: Number(v.count),
          receivedOn: v.receivedOn,
        },
      }),
    onSuccess: () => {
      p.onChange();
      notifyDone('CESU enregistrés : affectez-les aux factures depuis chaque facture.');
    },
    resetOnSuccess: true,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        CESU préfinancés reçus
      </Title>
      <DataTable
        rows={p.data.cesu}
        columns={columns}
        rowKey={(b) => b.id}
        caption="Lots de CESU préfinancés reçus"
        empty="Aucun CESU reçu."
        urlPrefix="cesu-"
        striped={false}
        highlightOnHover={false}
        mb="sm"
      />
      {p.write && (
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorAlert error={form.alertError} title="CESU non enregistrés" />
          <Stack gap="xs">
            <TextInput label="Émetteur" required placeholder="Edenred, Up, Pluxee…" {...form.field('issuer')} />
            <TextInput label="Numéros des titres" required {...form.field('numbers')} />
            <Group grow>
              <EuroInput
                label="Valeur d’un titre (€)"
                suffix=""
                required
                min={0.01}
                {...form.field('faceValue')}
                error={form.errorAt('faceValueCents')}
              />
              <NumberInput label="Nombre de titres" required min={1} {...form.field('count')} />
            </Group>
            <TextInput label="Reçus le" type="date" required {...form.field('receivedOn')} />
            <Button type="submit" loading={form.busy}>
              Enregistrer les CESU
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
