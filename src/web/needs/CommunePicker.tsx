import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { communeChoiceLabel, postalCodeAfterPick } from '../../shared/directory';
import { needsApi } from '../../shared/needs';
import { call } from '../api';

/**
 * Commune autocomplete: type a few letters of the name, or the postal code. Given the form's postal code, picking a
 * commune writes the one it can know (postalCodeAfterPick), in the same change as the commune.
 */
export function CommunePicker({
  value,
  valueLabel,
  onChange,
  postalCode,
  error,
}: {
  value: string;
  valueLabel: string;
  onChange: (code: string, label: string, postalCode: string) => void;
  postalCode: string;
  error?: string;
}) {
  const [search, setSearch] = useState(valueLabel);
  // The postal codes of the commune picked last: its code, left in the field, is replaced when the commune changes.
  const previous = useRef<{ postalCodes: string[] } | null>(null);
  const q = search.trim();
  const communes = useQuery({
    queryKey: ['need-communes', q],
    queryFn: () => call(needsApi.communes, { query: { q } }),
    enabled: q.length >= 2,
    staleTime: 300_000,
  });
  const items = communes.data?.items ?? [];
  const options = items.map((c) => ({ value: c.code, label: communeChoiceLabel(c) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: valueLabel });
  return (
    <Select
      label="Commune"
      description="Tapez les premières lettres ou le code postal, puis choisissez dans la liste"
      placeholder="ex. Créteil ou 94000"
      // The help under the field, like the postal code's beside it: the two inputs stay level.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      searchable
      required
      // Picking the commune already chosen keeps it (a click on it in the list must not empty the field).
      allowDeselect={false}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: o }) => o}
      onChange={(v) => {
        const option = options.find((o) => o.value === v);
        const picked = items.find((c) => c.code === v);
        // A commune filled from outside (the postal code typed first) is not in `previous`: the code then in the field
        // was its, and goes when the commune changes.
        const before = previous.current ?? (value ? { postalCodes: [postalCode.trim()] } : null);
        const nextPostalCode = picked ? postalCodeAfterPick(postalCode, search, picked, before) : postalCode;
        previous.current = picked ?? null;
        onChange(v ?? '', option?.label ?? '', nextPostalCode);
      }}
      nothingFoundMessage={
        q.length < 2 ? 'Tapez au moins 2 lettres' : communes.isFetching ? 'Recherche…' : 'Aucune commune trouvée'
      }
      error={error}
      autoComplete="off"
    />
  );
}
