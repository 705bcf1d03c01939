import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { workersApi } from '../../shared/workers';
import { call } from '../api';
import { useOrgId } from '../shell/session';

/**
 * Picks a person among the worker records (active ones), searched by name on the server; empty means "leave
 * the shifts open" (à pourvoir). `rome` puts first the people who have that job.
 */
export function WorkerPicker({
  value,
  onChange,
  label = 'Personne',
  rome,
  initialName,
}: {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label?: string;
  rome?: string;
  initialName?: string | null;
}) {
  const orgId = useOrgId();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(
    value && initialName ? { id: value, name: initialName } : null,
  );
  const list = useQuery({
    queryKey: ['planning', orgId, 'worker-picker', search],
    queryFn: ({ signal }) =>
      call(workersApi.list, {
        params: { orgId },
        query: { q: search.trim() || undefined, status: 'active', limit: 30 },
        signal,
      }),
    placeholderData: (prev) => prev,
  });
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(b.jobs.some((j) => j.rome === rome)) - Number(a.jobs.some((j) => j.rome === rome)),
  );
  const data = items.map((w) => ({
    value: w.id,
    label: `${w.firstName} ${w.lastName}${w.communeName ? ` (${w.communeName})` : ''}${
      rome && !w.jobs.some((j) => j.rome === rome) ? ' · autre métier' : ''
    }`,
  }));
  if (picked && !data.some((d) => d.value === picked.id)) data.unshift({ value: picked.id, label: picked.name });
  return (
    <Select
      label={label}
      placeholder="À pourvoir (personne désignée plus tard)"
      description="Tapez un nom pour chercher parmi les salarié·es ; laissez vide pour des créneaux à pourvoir."
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? 'Recherche…' : 'Personne ne correspond'}
      onChange={(id, option) => {
        const name = option?.label.split(' (')[0] ?? null;
        setPicked(id && name ? { id, name } : null);
        onChange(id, name);
      }}
      miw={260}
    />
  );
}
