import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CLIENT_KIND_OPTIONS, CLIENT_KINDS } from '../../shared/clients';
import { communeChoiceLabel } from '../../shared/directory';
import { PostalCodeInput } from '../blocks/PostalCodeInput';
import type { ApiForm } from '../blocks/useApiForm';
import { CommunePicker } from './CommunePicker';
import type { NeedFormValues } from './need-form';

/** Step 1 of the public need form: the establishment and its address. */
export function EstablishmentStep(props: { form: ApiForm<NeedFormValues>; err: (path: string) => string | undefined }) {
  const { values: form, set } = props.form;
  const err = props.err;
  return (
    <Stack mt="md">
      <TextInput
        label="Nom de l’établissement"
        required
        value={form.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={err('establishment.name')}
        maxLength={200}
        autoComplete="organization"
      />
      <Select
        label="Type d’établissement"
        required
        placeholder="Choisissez"
        data={CLIENT_KIND_OPTIONS}
        value={form.kind || null}
        onChange={(v) => set('kind', CLIENT_KINDS.find((k) => k === v) ?? '')}
        error={err('establishment.kind')}
        allowDeselect={false}
      />
      <TextInput
        label="SIRET (facultatif)"
        description="14 chiffres"
        value={form.siret}
        onChange={(e) => set('siret', e.currentTarget.value)}
        error={err('establishment.siret')}
        inputMode="numeric"
        maxLength={20}
      />
      <TextInput
        label="Adresse"
        placeholder="ex. 12 rue des Écoles"
        required
        value={form.line}
        onChange={(e) => set('line', e.currentTarget.value)}
        error={err('establishment.address.line')}
        maxLength={200}
        autoComplete="street-address"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <PostalCodeInput
          required
          value={form.postalCode}
          onChange={(v) => set('postalCode', v)}
          communeCode={form.communeCode}
          onCommune={(c) =>
            props.form.setValues((f) => ({
              ...f,
              communeCode: c?.code ?? '',
              communeLabel: c ? communeChoiceLabel(c) : '',
            }))
          }
          error={err('establishment.address.postalCode')}
          maxLength={5}
        />
        <CommunePicker
          value={form.communeCode}
          valueLabel={form.communeLabel}
          postalCode={form.postalCode}
          onChange={(code, label, postalCode) =>
            props.form.setValues((f) => ({ ...f, communeCode: code, communeLabel: label, postalCode }))
          }
          error={err('establishment.address.communeCode')}
        />
      </SimpleGrid>
    </Stack>
  );
}
