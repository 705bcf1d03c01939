import { Alert, Button, Grid, Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { directoryApi, type StructureForm as StructureBody } from '../../shared/directory';
import { ApiError, call } from '../api';
import { AddressFields } from '../blocks/AddressFields';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert } from '../shell/ui';
import type { NetworkStructure } from './api';
import { CommunesMultiSelect, KIND_OPTIONS, useDepartements } from './Filters';

export type FormState = {
  name: string;
  kind: string;
  siret: string;
  line: string;
  postalCode: string;
  communeCode: string;
  phone: string;
  email: string;
  website: string;
  openingHours: string;
  presentation: string;
  jobs: string[];
  departements: string[];
  communes: string[];
  networks: string[];
};

export const emptyForm: FormState = {
  name: '',
  kind: 'AI',
  siret: '',
  line: '',
  postalCode: '',
  communeCode: '',
  phone: '',
  email: '',
  website: '',
  openingHours: '',
  presentation: '',
  jobs: [],
  departements: [],
  communes: [],
  networks: ['ai'],
};

export function fromStructure(s: NetworkStructure): FormState {
  return {
    name: s.name,
    kind: s.kind,
    siret: s.siret ?? '',
    line: s.address.line ?? '',
    postalCode: s.address.postalCode ?? '',
    communeCode: s.address.communeCode ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    website: s.website ?? '',
    openingHours: s.openingHours ?? '',
    presentation: s.presentation ?? '',
    jobs: s.jobs,
    departements: s.territory.departements,
    communes: s.territory.communes,
    networks: s.networks,
  };
}

function useAllJobs() {
  return useQuery({
    queryKey: ['all-jobs'],
    queryFn: async () => {
      const pages = await Promise.all(
        [0, 200, 400, 600].map((offset) => call(directoryApi.jobs, { query: { limit: 200, offset } })),
      );
      return pages.flatMap((p) => p.items);
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** What the form sends: empty optional fields as null; left empty, a required one is sent empty. */
function bodyOf(f: FormState): StructureBody {
  return {
    name: f.name,
    // Left empty, it is sent empty: the server's message stands under the field.
    kind: f.kind as StructureBody['kind'],
    siret: f.siret || null,
    address: { line: f.line || null, postalCode: f.postalCode || null, communeCode: f.communeCode },
    phone: f.phone || null,
    email: f.email || null,
    website: f.website || null,
    openingHours: f.openingHours || null,
    presentation: f.presentation || null,
    jobs: f.jobs,
    territory: { departements: f.departements, communes: f.communes },
    networks: f.networks,
  };
}

/** Create or edit a structure: every field with its label, errors next to the field, nothing lost on error. */
export function StructureForm({
  initial,
  onSubmit,
  submitLabel,
}: {
  initial: FormState;
  onSubmit: (body: StructureBody) => Promise<unknown>;
  submitLabel: string;
}) {
  const form = useApiForm<FormState>({ initial, submit: (f) => onSubmit(bodyOf(f)) });
  const jobs = useAllJobs();
  const deps = useDepartements();
  const reseaux = useQuery({
    queryKey: ['reseaux-porteurs'],
    queryFn: () => call(directoryApi.reseauxPorteurs, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const { error, fieldErrors: errors } = form;
  // A list's message may stand at one of its items ("jobs.3"): it shows under the list's field.
  const errorOf = (prefix: string) =>
    errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
  return (
    <form onSubmit={form.onSubmit}>
      {!!error && !(error instanceof ApiError && error.status === 400) && <ErrorAlert error={error} />}
      {error instanceof ApiError && error.status === 400 && (
        <Alert color="red" role="alert" mb="md" title="Certains champs sont à corriger">
          Les erreurs sont indiquées sous chaque champ.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label="Nom" required {...form.field('name')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Type"
            required
            data={KIND_OPTIONS}
            {...form.field('kind')}
            onChange={(v) => form.set('kind', v ?? 'AI')}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="SIRET" description="14 chiffres" {...form.field('siret')} />
        </Grid.Col>
        <AddressFields
          form={form}
          spans={{ line: { base: 12, sm: 8 }, postalCode: { base: 12, sm: 4 }, commune: { base: 12, sm: 8 } }}
        />
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Téléphone" {...form.field('phone')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="E-mail" type="email" {...form.field('email')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Site web" placeholder="https://…" {...form.field('website')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            label="Horaires d’accueil"
            placeholder="Du lundi au vendredi, 9 h – 17 h"
            {...form.field('openingHours')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Présentation" autosize minRows={3} {...form.field('presentation')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Métiers proposés (ROME)"
            searchable
            data={(jobs.data ?? []).map((j) => ({ value: j.code, label: `${j.label} (${j.code})` }))}
            {...form.field('jobs')}
            error={errorOf('jobs')}
            limit={50}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <MultiSelect
            label="Territoire servi (départements)"
            searchable
            data={(deps.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
            {...form.field('departements')}
            error={errorOf('territory.departements') ?? errors.territory}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <CommunesMultiSelect
            label="Territoire servi (communes)"
            value={form.values.communes}
            onChange={(communes) => form.set('communes', communes)}
            error={errorOf('territory.communes')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Réseaux porteurs"
            searchable
            data={(reseaux.data?.items ?? []).map((r) => ({ value: r.code, label: r.label }))}
            {...form.field('networks')}
            error={errorOf('networks')}
          />
        </Grid.Col>
      </Grid>
      <Group mt="lg">
        <Button type="submit" loading={form.busy}>
          {submitLabel}
        </Button>
        <Button component={Link} to=".." relative="path" variant="default">
          Annuler
        </Button>
      </Group>
    </form>
  );
}
