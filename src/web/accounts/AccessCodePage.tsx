import { Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { accountsApi } from '../../shared/accounts';
import { ApiError, call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { landSignedIn } from './signed-in';

/** The message under the code: an unknown code says what to check, the rest as the server or the network says. */
function codeError(error: unknown): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return 'Problème de connexion. Réessayez.';
  return error.status === 404
    ? 'Ce code ne marche pas. Vérifiez les lettres, ou demandez un nouveau code.'
    : error.message;
}

/** /code — a worker or an individual client types the code printed by their structure; the phone stays signed in. */
export function AccessCodePage() {
  const qc = useQueryClient();
  const redeem = useApiForm({
    initial: { code: '' },
    submit: (body) => call(accountsApi.redeemCode, { body }),
    onSuccess: (me) => landSignedIn(qc, me),
  });
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        J’ai un code
      </Title>
      <Text mt="sm">Votre structure vous a donné un code sur papier.</Text>
      <Text>Tapez-le ici.</Text>
      <form onSubmit={redeem.onSubmit} noValidate>
        <Stack mt="md">
          {/* The code is the form's only field: every error, the server's field message first, stands under it. */}
          <TextInput
            label="Votre code"
            description="10 lettres ou chiffres, par exemple ABCDE-23456"
            size="lg"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            {...redeem.field('code')}
            error={redeem.errorAt('code') ?? codeError(redeem.error)}
            required
          />
          <Button type="submit" size="lg" loading={redeem.busy}>
            Ouvrir ma page
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
