import { Grid, Select, Textarea, TextInput, Title } from '@mantine/core';
import type { ClientDetail } from '../../shared/clients';
import { EQUIPMENT_SUPPLIER_LABELS, EQUIPMENT_SUPPLIERS } from '../../shared/equipment';
import { EuroInput } from '../blocks/EuroInput';
import type { ApiForm } from '../blocks/useApiForm';
import type { QuoteFormValues } from './quote-form';

/** The quote's terms, taken into the placement contract: validity, dates, place, tasks, equipment, pay (R5132-20). */
export function QuoteTermsFields({
  form,
  client,
}: {
  form: ApiForm<QuoteFormValues>;
  client: ClientDetail | undefined;
}) {
  return (
    <>
      <Title order={2} size="h4">
        Conditions (reprises dans le contrat de mise à disposition)
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput
            type="date"
            label="Valable jusqu’au"
            required
            {...form.field('validUntil')}
            error={form.fieldErrors.validUntil}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput type="date" label="Début" {...form.field('startDate')} error={form.fieldErrors.startDate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput type="date" label="Fin" {...form.field('endDate')} error={form.fieldErrors.endDate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput label="Référence de marché public" {...form.field('tenderReference')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label="Lieu d’intervention"
            placeholder="Le premier lieu du client"
            clearable
            data={(client?.sites ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${s.address.communeName})`,
            }))}
            value={form.values.siteId || null}
            onChange={(x) => form.set('siteId', x ?? '')}
            error={form.fieldErrors.siteId}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea label="Tâches confiées" autosize minRows={1} {...form.field('tasks')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput label="Équipements de protection" {...form.field('protectiveEquipment')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Select
            label="Fournis par"
            clearable
            data={EQUIPMENT_SUPPLIERS.map((value) => ({ value, label: EQUIPMENT_SUPPLIER_LABELS[value] }))}
            value={form.values.equipmentSuppliedBy || null}
            onChange={(x) => form.set('equipmentSuppliedBy', x ?? '')}
          />
        </Grid.Col>
        {(client?.companyByLegalForm || client?.kind === 'company') && (
          <Grid.Col span={{ base: 12, md: 3 }}>
            <EuroInput
              label="Salaire horaire d’un salarié équivalent (€)"
              description="Mention obligatoire pour une entreprise (R5132-20)"
              suffix=""
              value={form.values.equivalentPay}
              onChange={(x) => form.set('equivalentPay', x)}
              error={form.fieldErrors.equivalentPayCents}
            />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <Textarea label="Notes internes" autosize minRows={1} {...form.field('notes')} />
        </Grid.Col>
      </Grid>
    </>
  );
}
