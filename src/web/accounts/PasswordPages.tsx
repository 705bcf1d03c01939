import { Alert, Anchor, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { accountsApi } from '../../shared/accounts';
import { ApiError, call } from '../api';
import { confirmMatches, NewPasswordFields } from '../blocks/NewPasswordFields';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading } from '../shell/ui';

/** /mot-de-passe-oublie — the same answer whether the address has an account or not. */
export function ForgotPasswordPage() {
  // The address typed on the login page comes along (router state, never in the URL), so nobody types it twice.
  const carried = (useLocation().state as { email?: unknown } | null)?.email;
  const [sent, setSent] = useState<string | null>(null);
  const request = useApiForm({
    initial: { email: typeof carried === 'string' ? carried : '' },
    submit: (v) => call(accountsApi.requestPasswordReset, { body: v }),
    onSuccess: (r) => setSent(r.message),
  });
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Mot de passe oublié
      </Title>
      {sent ? (
        <Alert mt="md" color="green" title="Regardez vos e-mails">
          {sent} Le lien reste valable une heure.
        </Alert>
      ) : (
        <form onSubmit={request.onSubmit} noValidate>
          <Stack mt="md">
            <ErrorAlert error={request.alertError} />
            <Text>
              Indiquez l’adresse de votre compte : nous y envoyons un lien pour choisir un nouveau mot de passe.
            </Text>
            <TextInput
              label="Adresse e-mail"
              type="email"
              autoComplete="username"
              {...request.field('email')}
              required
            />
            <Button type="submit" loading={request.busy}>
              Recevoir le lien
            </Button>
          </Stack>
        </form>
      )}
      <Text mt="md" size="sm">
        <Anchor component={Link} to="/connexion">
          Retour à la connexion
        </Anchor>
      </Text>
    </Container>
  );
}

/** /mot-de-passe/:token — choosing the new password; every session of the account ends. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const check = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => call(accountsApi.checkPasswordReset, { params: { token } }),
    retry: false,
  });
  const reset = useApiForm({
    initial: { password: '', confirm: '' },
    validate: confirmMatches(),
    submit: (v) => call(accountsApi.resetPassword, { params: { token }, body: { password: v.password } }),
  });
  if (check.isPending) return <Loading />;
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Nouveau mot de passe
      </Title>
      {check.error ? (
        <Alert mt="md" color="red" title="Ce lien ne marche plus">
          {check.error instanceof ApiError && check.error.status === 422
            ? check.error.message
            : 'Il a déjà servi ou n’existe pas.'}{' '}
          <Anchor component={Link} to="/mot-de-passe-oublie">
            Demander un nouveau lien
          </Anchor>
        </Alert>
      ) : reset.succeeded ? (
        <Alert mt="md" color="green" title="Mot de passe changé">
          Vos autres connexions ont été fermées.{' '}
          <Anchor component={Link} to="/connexion">
            Se connecter
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={reset.onSubmit} noValidate>
          <Stack mt="md">
            <ErrorAlert error={reset.alertError} />
            <NewPasswordFields form={reset} />
            <Button type="submit" loading={reset.busy}>
              Enregistrer
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
