import { Grid, type GridColProps, TextInput } from '@mantine/core';
import { CommuneSelect } from '../directory/Filters';
import { PostalCodeInput } from './PostalCodeInput';

/** The part of a useApiForm an address needs: its three keys at the top of the form, the API's `address.*` paths. */
export type AddressForm = {
  values: { communeCode: string; postalCode: string };
  field: (key: 'line') => { value: string | number; onChange: (arg: unknown) => void; error?: string };
  set: (key: 'communeCode' | 'postalCode', value: string) => void;
  errorAt: (path: string) => string | undefined;
};

type Span = GridColProps['span'];

/**
 * A postal address (a structure, a client): « Adresse », « Code postal » and the required « Commune » picked from the
 * official list, as three columns of the caller's Grid; picking the commune writes its postal code when it has one,
 * and a postal code typed first finds its commune (PostalCodeInput). The server answers under `address.line`, `address.postalCode`
 * and `address.communeCode`; each message stands under its field.
 */
export function AddressFields({
  form,
  spans,
}: {
  form: AddressForm;
  /** The width of each column in the caller's Grid. */
  spans: { line: Span; postalCode: Span; commune: Span };
}) {
  return (
    <>
      <Grid.Col span={spans.line}>
        <TextInput label="Adresse" {...form.field('line')} error={form.errorAt('address.line')} />
      </Grid.Col>
      <Grid.Col span={spans.postalCode}>
        <PostalCodeInput
          value={form.values.postalCode}
          onChange={(v) => form.set('postalCode', v)}
          communeCode={form.values.communeCode}
          onCommune={(c) => form.set('communeCode', c?.code ?? '')}
          error={form.errorAt('address.postalCode')}
        />
      </Grid.Col>
      <Grid.Col span={spans.commune}>
        <CommuneSelect
          required
          value={form.values.communeCode}
          onChange={(code) => form.set('communeCode', code)}
          postalCode={form.values.postalCode}
          onPostalCode={(code) => form.set('postalCode', code)}
          // A missing address altogether is reported at `address`: it belongs to the required commune.
          error={form.errorAt('address.communeCode') ?? form.errorAt('address')}
        />
      </Grid.Col>
    </>
  );
}
