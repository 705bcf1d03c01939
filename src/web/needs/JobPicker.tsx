import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { needsApi } from '../../shared/needs';
import { call } from '../api';

/** A job from the suggested list, or any ROME job by searching its name or code. */
export function JobPicker({
  value,
  onChange,
  error,
  label = 'Métier',
  initialLabel,
}: {
  value: string;
  onChange: (rome: string, label: string) => void;
  error?: string;
  label?: string;
  initialLabel?: string;
}) {
  const [search, setSearch] = useState('');
  const jobs = useQuery({
    queryKey: ['need-jobs', search],
    queryFn: () => call(needsApi.jobs, { query: { q: search } }),
    staleTime: 300_000,
  });
  const items = jobs.data?.items ?? [];
  const options = items.map((j) => ({ value: j.rome, label: `${j.label} (${j.rome})` }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel ? `${initialLabel} (${value})` : value });
  return (
    <Select
      label={label}
      placeholder="Choisissez ou tapez un métier"
      searchable
      required
      value={value || null}
      data={options}
      filter={({ options: o }) => o}
      onSearchChange={(s) => {
        const selected = options.find((o) => o.value === value);
        if (s !== selected?.label) setSearch(s);
      }}
      onChange={(v) => {
        if (!v) return onChange('', '');
        const job = items.find((j) => j.rome === v);
        onChange(v, job?.label ?? v);
      }}
      nothingFoundMessage={jobs.isFetching ? 'Recherche…' : 'Aucun métier trouvé'}
      error={error}
      maxDropdownHeight={280}
    />
  );
}
