import { Button, Group, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type Commune, directoryApi, postalCodeHint } from '../../shared/directory';
import { call } from '../api';

/**
 * « Code postal » for a person who types it before the commune, as on any French form: a code that serves one
 * commune picks it; a code shared by a few offers them in one click; a code that serves none, or not the commune
 * already picked, says so under the field (postalCodeHint). The commune picked by hand is never replaced.
 */
export function PostalCodeInput({
  value,
  onChange,
  communeCode,
  onCommune,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  /** The commune of the same address ('' when none is picked yet). */
  communeCode: string;
  /** Picks the commune; `null` empties the commune this field had filled, when a new code does not serve it. */
  onCommune: (commune: Commune | null) => void;
}) {
  const code = value.trim();
  const queryClient = useQueryClient();
  // The commune picked here is the one CommuneSelect then looks up by its code: given to its cache, the commune
  // field shows its name at once instead of blank while it asks the server.
  const pick = (commune: Commune | null) => {
    if (commune) queryClient.setQueryData(['commune', commune.code], commune);
    onCommune(commune);
  };
  // Same query as CommuneSelect's search of that code: typing « 94000 » in either field asks the server once.
  const found = useQuery({
    queryKey: ['communes', code],
    queryFn: () => call(directoryApi.communes, { query: { q: code, limit: 15 } }),
    enabled: /^\d{5}$/.test(code),
    staleTime: 60_000,
  });
  const hint = postalCodeHint(value, communeCode, found.data?.items ?? null);
  // The commune is filled once per code typed: emptied afterwards by the person, it stays empty. While it is still the
  // one filled from a code (the person has not chosen another), a new code follows: it replaces the commune when it
  // serves one, else empties it so that the communes it serves are offered (the person corrects a typo).
  const filled = useRef<{ code: string; communeCode: string } | null>(null);
  // After every render (the hint is computed anew each time): the guards below make it act once per code.
  useEffect(() => {
    if (filled.current?.code === code) return;
    const ours = filled.current !== null && filled.current.communeCode === communeCode;
    if (hint.kind === 'fill' || (hint.kind === 'other' && ours)) {
      const commune = hint.kind === 'fill' ? hint.commune : hint.communes.length === 1 ? hint.communes[0] : null;
      filled.current = { code, communeCode: commune?.code ?? '' };
      pick(commune);
    }
  });

  const offer = (communes: Commune[]) => (
    <Group component="span" gap={6} wrap="wrap" mt={4}>
      {communes.map((c) => (
        // A button a thumb can hit (24 px at least, WCAG 2.5.8), one per commune.
        <Button key={c.code} variant="light" size="compact-sm" onClick={() => pick(c)}>
          {c.name}
        </Button>
      ))}
    </Group>
  );
  const description =
    hint.kind === 'choose' ? (
      <>
        <Text component="span" fz="xs">
          Communes de ce code postal :
        </Text>
        {offer(hint.communes)}
      </>
    ) : hint.kind === 'other' ? (
      <>
        <Text component="span" fz="xs">
          Ce code postal n’est pas celui de la commune choisie ; il dessert :
        </Text>
        {offer(hint.communes)}
      </>
    ) : hint.kind === 'many' ? (
      'Plusieurs communes ont ce code postal : tapez le nom de la vôtre dans « Commune ».'
    ) : hint.kind === 'unknown' ? (
      'Aucune commune n’a ce code postal (un code CEDEX ?) : choisissez la commune par son nom.'
    ) : undefined;

  return (
    <TextInput
      label="Code postal"
      inputMode="numeric"
      autoComplete="postal-code"
      // Under the field by default, where the eye goes once the code is typed; a row aligned on its inputs' bottom
      // puts it above.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={description}
    />
  );
}
