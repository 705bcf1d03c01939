import { Box, Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { type Commune, communeChoiceLabel, directoryApi, postalCodeAfterPick } from '../../shared/directory';
import { call } from '../api';
import { FILTER_KEYS, type FilterKey, KIND_LABELS, type Kind } from './api';

/**
 * Commune picker: type a name (accents ignored) or a postal code, pick one; the value is the INSEE code. Given the
 * form's postal code, it writes the one it can know (postalCodeAfterPick).
 */
export function CommuneSelect({
  value,
  onChange,
  error,
  label = 'Commune',
  required,
  postalCode,
  onPostalCode,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string;
  label?: string;
  required?: boolean;
  postalCode?: string;
  onPostalCode?: (code: string) => void;
}) {
  const [search, setSearch] = useState('');
  const selected = useQuery({
    queryKey: ['commune', value],
    queryFn: () => call(directoryApi.commune, { params: { code: value } }),
    enabled: /^\w{5}$/.test(value),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const found = useQuery({
    queryKey: ['communes', search],
    queryFn: () => call(directoryApi.communes, { query: { q: search, limit: 15 } }),
    enabled: search.trim().length >= 2,
    staleTime: 60_000,
  });
  // The commune as it was picked keeps the words it was picked by (« Bresse Vallons, qui inclut Étrez »): once picked,
  // the search holds its label and finds nothing, and the commune looked up by its code would read otherwise.
  const [picked, setPicked] = useState<Commune | null>(null);
  const current = picked && picked.code === value ? picked : selected.data;
  const list = useMemo(() => {
    const items = [...(found.data?.items ?? [])];
    if (current && !items.some((c) => c.code === current.code)) items.unshift(current);
    return items;
  }, [found.data, current]);
  return (
    <Select
      label={label}
      placeholder="Nom ou code postal"
      searchable
      clearable
      // Picking the commune already chosen keeps it; the cross empties the field.
      allowDeselect={false}
      required={required}
      data={list.map((c) => ({ value: c.code, label: communeChoiceLabel(c) }))}
      value={value || null}
      onChange={(v) => {
        const choice = list.find((c) => c.code === v);
        if (choice && onPostalCode && postalCode !== undefined) {
          const next = postalCodeAfterPick(postalCode, search, choice, selected.data ?? null);
          if (next !== postalCode) onPostalCode(next);
        }
        setPicked(choice ?? null);
        onChange(v ?? '');
      }}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length >= 2 ? 'Aucune commune trouvée' : 'Tapez au moins 2 lettres'}
      error={error}
    />
  );
}

/**
 * Several communes (a structure's territory): type a name (accents ignored) or a postal code, pick as many as
 * needed; the value is the list of INSEE codes. Names of the communes already chosen are looked up one by one
 * (cached with CommuneSelect's) so that an existing territory reads as names, not codes.
 */
export function CommunesMultiSelect({
  value,
  onChange,
  error,
  label = 'Communes',
  description = 'Tapez au moins 2 lettres du nom ou le code postal, puis choisissez ; plusieurs communes possibles.',
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  label?: string;
  description?: string;
}) {
  const [search, setSearch] = useState('');
  const selected = useQueries({
    queries: value.map((code) => ({
      queryKey: ['commune', code],
      queryFn: () => call(directoryApi.commune, { params: { code } }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const found = useQuery({
    queryKey: ['communes', search],
    queryFn: () => call(directoryApi.communes, { query: { q: search, limit: 15 } }),
    enabled: search.trim().length >= 2,
    staleTime: 60_000,
  });
  const known = new Map<string, string>();
  for (const q of selected) if (q.data) known.set(q.data.code, communeChoiceLabel(q.data));
  for (const c of found.data?.items ?? []) known.set(c.code, communeChoiceLabel(c));
  const data = [
    ...value.map((code) => ({ value: code, label: known.get(code) ?? code })),
    ...(found.data?.items ?? [])
      .filter((c) => !value.includes(c.code))
      .map((c) => ({ value: c.code, label: communeChoiceLabel(c) })),
  ];
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Nom ou code postal'}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(codes) => {
        onChange(codes);
        setSearch('');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={
        search.trim().length < 2
          ? 'Tapez au moins 2 lettres'
          : found.isFetching
            ? 'Recherche…'
            : 'Aucune commune trouvée'
      }
      error={error}
    />
  );
}

/** Job picker: a ROME code or a whole family ("K22 — Nettoyage et propreté industriels"). */
export function JobSelect({
  value,
  onChange,
  error,
  label = 'Métier',
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string;
  label?: string;
}) {
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['jobs', search],
    queryFn: () => call(directoryApi.jobs, { query: { q: search, limit: 40 } }),
    enabled: search.trim().length >= 2,
    staleTime: 60_000,
  });
  const current = useQuery({
    queryKey: ['jobs', value],
    queryFn: () => call(directoryApi.jobs, { query: { q: value, limit: 1 } }),
    enabled: !!value,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const data = useMemo(() => {
    const options = new Map<string, string>();
    const first = current.data?.items[0];
    if (value && first) {
      options.set(value, value.length === 5 ? `${first.label} (${value})` : `Famille ${value} — ${first.familyLabel}`);
    }
    for (const j of found.data?.items ?? []) {
      if (!options.has(j.familyCode)) options.set(j.familyCode, `Famille ${j.familyCode} — ${j.familyLabel}`);
    }
    for (const j of found.data?.items ?? []) options.set(j.code, `${j.label} (${j.code})`);
    return [...options].map(([v, l]) => ({ value: v, label: l }));
  }, [found.data, current.data, value]);
  return (
    <Select
      label={label}
      placeholder="Ex. : agent de service, K2204"
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length >= 2 ? 'Aucun métier trouvé' : 'Tapez au moins 2 lettres'}
      error={error}
    />
  );
}

export function useDepartements() {
  return useQuery({
    queryKey: ['departements'],
    queryFn: () => call(directoryApi.departements, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function DepartementSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const deps = useDepartements();
  return (
    <Select
      label="Département"
      placeholder="Tous"
      searchable
      clearable
      data={(deps.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as Kind[]).map((k) => ({
  value: k,
  label: `${k === 'OTHER' ? 'Autre' : k} — ${KIND_LABELS[k]}`,
}));

export type Filters = Record<FilterKey, string>;

/** The directory's filters (kept in the URL by the page); errors from the API appear next to their field. */
export function DirectoryFilters({
  values,
  set,
  errors,
  withText,
}: {
  values: Filters;
  set: (patch: Partial<Filters>) => void;
  errors: Record<string, string>;
  withText?: boolean;
}) {
  const [text, setText] = useState(values.q);
  useEffect(() => setText(values.q), [values.q]);
  const err = (k: FilterKey) => errors[`querystring.${k}`];
  return (
    <form
      aria-label="Filtres"
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: text });
      }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        {withText && (
          <TextInput
            label="Recherche"
            placeholder="Nom ou commune"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => text !== values.q && set({ q: text })}
            error={err('q')}
            w={220}
          />
        )}
        <Box w={{ base: '100%', sm: 240 }}>
          <CommuneSelect value={values.commune} onChange={(commune) => set({ commune })} error={err('commune')} />
        </Box>
        <Select
          label="Rayon"
          data={['5', '10', '25', '50', '100'].map((v) => ({ value: v, label: `${v} km` }))}
          value={values.radiusKm || '25'}
          onChange={(v) => set({ radiusKm: v === '25' ? '' : (v ?? '') })}
          disabled={!values.commune}
          error={err('radiusKm')}
          w={110}
          allowDeselect={false}
        />
        <Box w={{ base: '100%', sm: 230 }}>
          <DepartementSelect
            value={values.departement}
            onChange={(departement) => set({ departement })}
            error={err('departement')}
          />
        </Box>
        <Box w={{ base: '100%', sm: 280 }}>
          <JobSelect value={values.job} onChange={(job) => set({ job })} error={err('job')} />
        </Box>
        <Select
          label="Type de structure"
          placeholder="Tous"
          clearable
          data={KIND_OPTIONS}
          value={values.kind || null}
          onChange={(v) => set({ kind: v ?? '' })}
          error={err('kind')}
          w={260}
        />
        {withText && (
          <Button type="submit" mt={25} variant="light">
            Rechercher
          </Button>
        )}
        {FILTER_KEYS.some((k) => values[k]) && (
          <Button
            mt={25}
            variant="subtle"
            onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Partial<Filters>)}
          >
            Effacer les filtres
          </Button>
        )}
      </Group>
    </form>
  );
}
