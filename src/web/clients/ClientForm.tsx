import { Button, Grid, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { CLIENT_KIND_OPTIONS, type Client, type ClientKind, clientsApi } from '../../shared/clients';
import { call } from '../api';
import { AddressFields } from '../blocks/AddressFields';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';

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
  legalForm: string;
  economicDismissalOn: string;
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
  legalForm: c?.legalForm ?? '',
  economicDismissalOn: c?.economicDismissalOn ?? '',
  notes: c?.notes ?? '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * What the form sends: a new client's fields (POST) or all of them again (PATCH). An empty required field is sent
 * as typed (a missing kind, an empty name): the server answers the message shown next to it.
 */
export type ClientFormBody = z.input<typeof clientsApi.create.body> & z.input<typeof clientsApi.update.body>;

function bodyOf(v: Values, existing: boolean): ClientFormBody {
  return {
    name: v.name.trim(),
    kind: (v.kind || undefined) as ClientKind,
    siret: v.kind === 'individual' ? null : orNull(v.siret),
    address: { line: orUndefined(v.line), postalCode: orUndefined(v.postalCode), communeCode: v.communeCode },
    contact: existing
      ? ({ name: orNull(v.contactName), email: orNull(v.email), phone: orNull(v.phone) } as ClientFormBody['contact'])
      : { name: v.contactName.trim(), email: v.email.trim(), phone: orUndefined(v.phone) },
    billing: {
      email: orNull(v.billingEmail),
      address: orNull(v.billingAddress),
      paymentTermsDays: v.paymentTermsDays === '' ? undefined : Number(v.paymentTermsDays),
      chorusServiceCode: orNull(v.chorusServiceCode),
      chorusCommitmentNumber: orNull(v.chorusCommitmentNumber),
    },
    // A private individual is one by nature; otherwise the INSEE category chosen, or unknown (null): the
    // server then asks the SIRENE directory when one is configured.
    legalForm: v.kind === 'individual' ? PRIVATE_INDIVIDUAL : orNull(v.legalForm),
    economicDismissalOn: orNull(v.economicDismissalOn),
    notes: orNull(v.notes),
  };
}

const PRIVATE_INDIVIDUAL = 'private_individual';

/** The INSEE list of catégories juridiques, grouped by level 1, for a searchable select. */
function useLegalForms() {
  const orgId = useOrgId();
  const query = useQuery({
    queryKey: ['legal-forms', orgId],
    queryFn: () => call(clientsApi.legalForms, { params: { orgId } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => {
    const items = query.data?.items ?? [];
    const byCode = new Map(items.map((f) => [f.code, f]));
    const groups = items
      .filter((f) => f.level === 1)
      .map((top) => ({
        group: `${top.code} · ${top.label}`,
        items: items
          .filter((f) => f.level >= 2 && f.code !== PRIVATE_INDIVIDUAL && f.code.startsWith(top.code))
          .map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` })),
      }));
    return { byCode, groups, loading: query.isPending };
  }, [query.data, query.isPending]);
}
const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

/** The client form (creation and edition): every field labelled, errors beside the fields, nothing lost on error. */
export function ClientForm({
  client,
  submitLabel,
  onSubmit,
}: {
  client?: Client;
  submitLabel: string;
  /** Sends the body (create or update); an ApiError puts each message next to its field. */
  onSubmit: (body: ClientFormBody) => Promise<unknown>;
}) {
  const form = useApiForm<Values>({
    initial: fromClient(client),
    submit: (values) => onSubmit(bodyOf(values, !!client)),
  });
  const { values: v, set, fieldErrors: errors, alertError: error, busy } = form;
  const text = (k: keyof Values) => form.field(k);
  const publicBuyer = v.kind === 'public_body' || v.kind === 'local_authority';
  const legalForms = useLegalForms();
  const chosenForm = legalForms.byCode.get(v.kind === 'individual' ? PRIVATE_INDIVIDUAL : v.legalForm);

  return (
    <form onSubmit={form.onSubmit} noValidate>
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
          <AddressFields
            form={form}
            spans={{ line: { base: 12, md: 6 }, postalCode: { base: 12, md: 2 }, commune: { base: 12, md: 4 } }}
          />
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
          <Grid.Col span={{ base: 12, md: 6 }}>
            {v.kind === 'individual' ? (
              <TextInput label="Forme juridique" value="Particulier" readOnly />
            ) : (
              <Select
                label="Forme juridique (catégorie juridique INSEE)"
                description="Elle décide si les heures comptent dans le plafond de 480 h (art. L5132-9). Laissée vide, elle est lue dans l’annuaire SIRENE quand il est branché."
                placeholder={legalForms.loading ? 'Chargement de la liste…' : 'Rechercher : SAS, association, commune…'}
                searchable
                clearable
                limit={60}
                nothingFoundMessage="Aucune catégorie ne correspond"
                data={legalForms.groups}
                value={v.legalForm || null}
                onChange={(x) => set('legalForm', x ?? '')}
                error={errors.legalForm}
              />
            )}
            <Text size="sm" mt={4} c={chosenForm ? undefined : 'orange'} aria-live="polite">
              {chosenForm
                ? `${chosenForm.countsForHoursCap ? 'Compte' : 'Ne compte pas'} pour le plafond de 480 h : ${chosenForm.hoursCapReason}.`
                : 'Forme juridique non renseignée : par prudence, les heures comptent pour le plafond de 480 h.'}
            </Text>
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
