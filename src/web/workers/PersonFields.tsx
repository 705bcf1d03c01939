import { Grid, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { AddressFields, type AddressForm } from '../blocks/AddressFields';

type PersonKey = 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email' | 'maxHoursPerWeek';

/** The part of a useApiForm a person's identity needs: its keys at the top of the form, and an address. */
type PersonForm = Omit<AddressForm, 'field'> & {
  field: (key: PersonKey | 'line' | 'postalCode') => ReturnType<AddressForm['field']>;
};

/** A worker's identity, the same on the new worker page and the record's identity tab. */
export function PersonFields({ form }: { form: PersonForm }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Prénom" {...form.field('firstName')} required />
        <TextInput label="Nom" {...form.field('lastName')} required />
        <TextInput type="date" label="Date de naissance" {...form.field('birthDate')} required />
        <TextInput label="Téléphone" type="tel" {...form.field('phone')} />
        <TextInput label="E-mail" type="email" {...form.field('email')} />
        <NumberInput label="Heures au plus par semaine" min={1} max={48} {...form.field('maxHoursPerWeek')} />
      </SimpleGrid>
      <Grid>
        <AddressFields
          form={form}
          spans={{ line: 12, postalCode: { base: 12, sm: 6 }, commune: { base: 12, sm: 6 } }}
        />
      </Grid>
    </>
  );
}
