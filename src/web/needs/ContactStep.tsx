import { Box, Card, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import type { ApiForm } from '../blocks/useApiForm';
import type { NeedFormValues } from './need-form';

/** Step 3 of the public need form: who answers, and the consent to share the need (RGPD art. 6-1-a). */
export function ContactStep(props: { form: ApiForm<NeedFormValues>; err: (path: string) => string | undefined }) {
  const { values: form, set } = props.form;
  const err = props.err;
  return (
    <Stack mt="md">
      <TextInput
        label="Votre nom"
        required
        value={form.contactName}
        onChange={(e) => set('contactName', e.currentTarget.value)}
        error={err('contact.name')}
        maxLength={200}
        autoComplete="name"
      />
      <TextInput
        label="Adresse e-mail"
        type="email"
        required
        value={form.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={err('contact.email')}
        maxLength={254}
        autoComplete="email"
      />
      <TextInput
        label="Téléphone (facultatif)"
        type="tel"
        value={form.phone}
        onChange={(e) => set('phone', e.currentTarget.value)}
        error={err('contact.phone')}
        maxLength={20}
        autoComplete="tel"
      />
      {/* Honeypot: invisible to people and screen readers, filled by robots. */}
      <Box
        style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
        aria-hidden="true"
      >
        <label>
          Site web
          <input
            tabIndex={-1}
            autoComplete="off"
            value={form.website}
            onChange={(e) => set('website', e.currentTarget.value)}
            name="website"
          />
        </label>
      </Box>
      <Card withBorder bg="gray.0" p="sm">
        <Text size="sm">
          <strong>Vos données personnelles.</strong> Les informations de ce formulaire sont transmises aux associations
          intermédiaires qui peuvent répondre à votre besoin, et au réseau qui les coordonne, dans le seul but de vous
          proposer du personnel (base légale : votre consentement, art. 6-1-a du RGPD). Elles sont conservées 3 ans
          après le dernier contact. Vous pouvez y accéder, les rectifier, les effacer ou retirer votre consentement en
          écrivant au réseau ; vous pouvez aussi saisir la CNIL.
        </Text>
      </Card>
      <Checkbox
        label="J’accepte que ces informations soient transmises aux structures qui peuvent me répondre"
        checked={form.consent}
        onChange={(e) => set('consent', e.currentTarget.checked)}
        error={err('consent')}
      />
    </Stack>
  );
}
