import { Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accountsApi } from '../../shared/accounts';
import { ApiError, call } from '../api';
import { landSignedIn } from './signed-in';

/** /code — a worker or an individual client types the code printed by their structure; the phone stays signed in. */
export function AccessCodePage() {
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const redeem = useMutation({
    mutationFn: () => call(accountsApi.redeemCode, { body: { code } }),
    onSuccess: (me) => landSignedIn(qc, me),
  });
  const error =
    redeem.error instanceof ApiError
      ? redeem.error.status === 404
        ? 'Ce code ne marche pas. Vérifiez les lettres, ou demandez un nouveau code.'
        : redeem.error.message
      : redeem.error
        ? 'Problème de connexion. Réessayez.'
        : undefined;
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        J’ai un code
      </Title>
      <Text mt="sm">Votre structure vous a donné un code sur papier.</Text>
      <Text>Tapez-le ici.</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          redeem.mutate();
        }}
        noValidate
      >
        <Stack mt="md">
          <TextInput
            label="Votre code"
            description="10 lettres ou chiffres, par exemple ABCDE-23456"
            size="lg"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={error}
            required
          />
          <Button type="submit" size="lg" loading={redeem.isPending}>
            Ouvrir ma page
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
