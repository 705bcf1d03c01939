import { Alert, Anchor, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, api } from '../api';
import { confirmMatches, NewPasswordFields } from '../blocks/NewPasswordFields';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading } from '../shell/ui';

/** /mot-de-passe-oublie — the same answer whether the address has an account or not. */
export function ForgotPasswordPage() {
  // The address typed on the login page comes along (router state, never in the URL), so nobody types it twice.
  const carried = (useLocation().state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof carried === 'string' ? carried : '');
  const request = useMutation({
    mutationFn: () => api<{ message: string }>('/api/public/password-resets', { body: { email } }),
  });
  const fieldErrors = request.error instanceof ApiError ? request.error.fieldErrors : {};
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Mot de passe oublié
      </Title>
      {request.data ? (
        <Alert mt="md" color="green" title="Regardez vos e-mails">
          {request.data.message} Le lien reste valable une heure.
        </Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
          noValidate
        >
          <Stack mt="md">
            <Text>
              Indiquez l’adresse de votre compte : nous y envoyons un lien pour choisir un nouveau mot de passe.
            </Text>
            <TextInput
              label="Adresse e-mail"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              required
            />
            <Button type="submit" loading={request.isPending}>
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
    queryFn: () => api<{ valid: boolean }>(`/api/public/password-resets/${encodeURIComponent(token)}`),
    retry: false,
  });
  const reset = useApiForm({
    initial: { password: '', confirm: '' },
    validate: confirmMatches(),
    submit: (v) => api(`/api/public/password-resets/${encodeURIComponent(token)}`, { body: { password: v.password } }),
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
