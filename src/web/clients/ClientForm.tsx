import { Button, Checkbox, Grid, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api';
import { CommuneSelect } from '../directory/Filters';
import { ErrorAlert } from '../shell/ui';
import { CLIENT_KIND_OPTIONS, type Client } from './labels';

type Values = {
  name: string;
  kind: string;
  siret: string;
  line: string;
  postalCode: string;
  communeCode: string;
  contactName: string;
  email: string;
  phone: string;
  billingEmail: string;
  billingAddress: string;
  paymentTermsDays: number | string;
  chorusServiceCode: string;
  chorusCommitmentNumber: string;
  forProfit: boolean;
  economicDismissalOn: string;
  capOverride: string;
  notes: string;
};

const fromClient = (c?: Client): Values => ({
  name: c?.name ?? '',
  kind: c?.kind ?? '',
  siret: c?.siret ?? '',
  line: c?.address.line ?? '',
  postalCode: c?.address.postalCode ?? '',
  communeCode: c?.address.communeCode ?? '',
  contactName: c?.contact.name ?? '',
  email: c?.contact.email ?? '',
  phone: c?.contact.phone ?? '',
  billingEmail: c?.billing.email ?? '',
  billingAddress: c?.billing.address ?? '',
  paymentTermsDays: c?.billing.paymentTermsDays ?? 30,
  chorusServiceCode: c?.billing.chorusServiceCode ?? '',
  chorusCommitmentNumber: c?.billing.chorusCommitmentNumber ?? '',
  forProfit: c?.forProfit ?? false,
  economicDismissalOn: c?.economicDismissalOn ?? '',
  capOverride: c?.countsForHoursCapOverride === null || !c ? 'auto' : c.countsForHoursCapOverride ? 'yes' : 'no',
  notes: c?.notes ?? '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

/** The client form (creation and edition): every field labelled, errors beside the fields, nothing lost on error. */
export function ClientForm({
  client,
  submitLabel,
  onSubmit,
}: {
  client?: Client;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
}) {
  const [v, setV] = useState<Values>(() => fromClient(client));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: keyof Values) => ({
    value: String(v[k] ?? ''),
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value as never),
  });
  const publicBuyer = v.kind === 'public_body' || v.kind === 'local_authority';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      kind: v.kind || undefined,
      siret: v.kind === 'individual' ? null : orNull(v.siret),
      address: { line: orUndefined(v.line), postalCode: orUndefined(v.postalCode), communeCode: v.communeCode },
      contact: client
        ? { name: orNull(v.contactName), email: orNull(v.email), phone: orNull(v.phone) }
        : { name: v.contactName.trim(), email: v.email.trim(), phone: orUndefined(v.phone) },
      billing: {
        email: orNull(v.billingEmail),
        address: orNull(v.billingAddress),
        paymentTermsDays: v.paymentTermsDays === '' ? undefined : Number(v.paymentTermsDays),
        chorusServiceCode: orNull(v.chorusServiceCode),
        chorusCommitmentNumber: orNull(v.chorusCommitmentNumber),
      },
      forProfit: v.kind === 'care_home' || v.kind === 'medico_social' ? v.forProfit : null,
      economicDismissalOn: orNull(v.economicDismissalOn),
      countsForHoursCapOverride: v.capOverride === 'auto' ? null : v.capOverride === 'yes',
      notes: orNull(v.notes),
    };
    try {
      await onSubmit(body);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label="Nom" required {...text('name')} error={errors.name} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Select
              label="Type de client"
              required
              data={CLIENT_KIND_OPTIONS}
              value={v.kind || null}
              onChange={(x) => set('kind', x ?? '')}
              error={errors.kind}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput
              label="SIRET"
              description={v.kind === 'individual' ? 'Pas de SIRET pour un particulier' : '14 chiffres'}
              disabled={v.kind === 'individual'}
              {...text('siret')}
              error={errors.siret}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label="Adresse" {...text('line')} error={errors['address.line']} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <TextInput label="Code postal" {...text('postalCode')} error={errors['address.postalCode']} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CommuneSelect
              required
              value={v.communeCode}
              onChange={(c) => set('communeCode', c)}
              error={errors['address.communeCode']}
            />
          </Grid.Col>
        </Grid>
        <Title order={2} size="h4">
          Contact principal
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label="Nom du contact"
              required={!client}
              {...text('contactName')}
              error={errors['contact.name']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label="E-mail du contact"
              type="email"
              required={!client}
              {...text('email')}
              error={errors['contact.email']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label="Téléphone du contact" {...text('phone')} error={errors['contact.phone']} />
          </Grid.Col>
        </Grid>
        <Title order={2} size="h4">
          Facturation
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label="E-mail de facturation"
              type="email"
              {...text('billingEmail')}
              error={errors['billing.email']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <NumberInput
              label="Délai de paiement (jours)"
              min={0}
              max={60}
              value={v.paymentTermsDays}
              onChange={(x) => set('paymentTermsDays', x)}
              error={errors['billing.paymentTermsDays']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label="Adresse de facturation (si différente)" autosize minRows={1} {...text('billingAddress')} />
          </Grid.Col>
          {publicBuyer && (
            <>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label="Code service Chorus Pro"
                  {...text('chorusServiceCode')}
                  error={errors['billing.chorusServiceCode']}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label="Numéro d’engagement Chorus Pro" {...text('chorusCommitmentNumber')} />
              </Grid.Col>
            </>
          )}
        </Grid>
        <Title order={2} size="h4">
          Règles légales
        </Title>
        <Grid>
          {(v.kind === 'care_home' || v.kind === 'medico_social') && (
            <Grid.Col span={12}>
              <Checkbox
                label="Établissement à but lucratif (compte pour le plafond de 480 h)"
                checked={v.forProfit}
                onChange={(e) => set('forProfit', e.currentTarget.checked)}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label="Plafond de 480 h (L5132-9)"
              data={[
                { value: 'auto', label: 'Selon le type de client' },
                { value: 'yes', label: 'Compte pour le plafond' },
                { value: 'no', label: 'Ne compte pas' },
              ]}
              value={v.capOverride}
              onChange={(x) => set('capOverride', x ?? 'auto')}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              type="date"
              label="Licenciement économique (date)"
              description="Bloque tout nouveau contrat pendant 6 mois (L5132-7)"
              {...text('economicDismissalOn')}
              error={errors.economicDismissalOn}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label="Notes" autosize minRows={2} {...text('notes')} error={errors.notes} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
