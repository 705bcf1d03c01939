import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { needsApi } from '../../shared/needs';
import { call } from '../api';

/** Commune autocomplete: type a few letters of the name (or the INSEE code). */
export function CommunePicker({
  value,
  valueLabel,
  onChange,
  error,
}: {
  value: string;
  valueLabel: string;
  onChange: (code: string, label: string) => void;
  error?: string;
}) {
  const [search, setSearch] = useState(valueLabel);
  const q = search.trim();
  const communes = useQuery({
    queryKey: ['need-communes', q],
    queryFn: () => call(needsApi.communes, { query: { q } }),
    enabled: q.length >= 2,
    staleTime: 300_000,
  });
  const options = (communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.departement})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: valueLabel });
  return (
    <Select
      label="Commune"
      description="Tapez les premières lettres puis choisissez dans la liste"
      placeholder="ex. Créteil"
      searchable
      required
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: o }) => o}
      onChange={(v) => {
        const option = options.find((o) => o.value === v);
        onChange(v ?? '', option?.label ?? '');
      }}
      nothingFoundMessage={
        q.length < 2 ? 'Tapez au moins 2 lettres' : communes.isFetching ? 'Recherche…' : 'Aucune commune trouvée'
      }
      error={error}
      autoComplete="off"
    />
  );
}
