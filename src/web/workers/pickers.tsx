import { MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { directoryApi } from '../../shared/directory';
import { call } from '../api';

/** ROME jobs: search by words of the label or by code. */
export function JobsSelect({
  label,
  value,
  labels,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string[];
  labels: Record<string, string>;
  onChange: (codes: string[], labels: Record<string, string>) => void;
  error?: string;
  description?: string;
}) {
  const [search, setSearch] = useState('');
  const q = search.trim();
  const jobs = useQuery({
    queryKey: ['jobs', q],
    queryFn: () => call(directoryApi.jobs, { query: { q, limit: 20 } }),
    enabled: q.length >= 2,
    staleTime: 300_000,
  });
  const options = (jobs.data?.items ?? []).map((j) => ({ value: j.code, label: `${j.label} (${j.code})` }));
  for (const code of value)
    if (!options.some((o) => o.value === code)) options.push({ value: code, label: labels[code] ?? code });
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder="ex. entretien, aide-soignant, K2204"
      searchable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: o }) => o}
      onChange={(codes) => {
        const next = { ...labels };
        for (const o of options) next[o.value] = o.label;
        onChange(codes, next);
        setSearch('');
      }}
      nothingFoundMessage={q.length < 2 ? 'Tapez au moins 2 lettres' : 'Aucun métier trouvé'}
      error={error}
    />
  );
}

/** One ROME job (a list filter): search by words of the label or by code. */
export function JobFilter({ value, onChange }: { value: string; onChange: (code: string | null) => void }) {
  const [search, setSearch] = useState('');
  const q = search.trim();
  const jobs = useQuery({
    queryKey: ['jobs', q],
    queryFn: () => call(directoryApi.jobs, { query: { q, limit: 20 } }),
    enabled: q.length >= 2,
    staleTime: 300_000,
  });
  const options = (jobs.data?.items ?? []).map((j) => ({ value: j.code, label: `${j.label} (${j.code})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      label="Métier"
      placeholder="Tous les métiers"
      searchable
      clearable
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: o }) => o}
      onChange={onChange}
      nothingFoundMessage={q.length < 2 ? 'Tapez au moins 2 lettres' : 'Aucun métier trouvé'}
      w={260}
    />
  );
}
