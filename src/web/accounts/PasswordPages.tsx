import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';

/** /mot-de-passe-oublie — the same answer whether the address has an account or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
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
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const check = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api<{ valid: boolean }>(`/api/public/password-resets/${encodeURIComponent(token)}`),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: () => api(`/api/public/password-resets/${encodeURIComponent(token)}`, { body: { password } }),
  });
  if (check.isPending) return <Loading />;
  const fieldErrors = reset.error instanceof ApiError ? reset.error.fieldErrors : {};
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
      ) : reset.isSuccess ? (
        <Alert mt="md" color="green" title="Mot de passe changé">
          Vos autres connexions ont été fermées.{' '}
          <Anchor component={Link} to="/connexion">
            Se connecter
          </Anchor>
        </Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (password !== confirm) return setMismatch(true);
            setMismatch(false);
            reset.mutate();
          }}
          noValidate
        >
          <Stack mt="md">
            <ErrorAlert error={fieldErrors.password ? null : reset.error} />
            <PasswordInput
              label="Nouveau mot de passe"
              description="12 caractères au moins, pas un mot de passe courant : une petite phrase, par exemple."
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
              required
            />
            <PasswordInput
              label="Le même mot de passe, encore une fois"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={mismatch ? 'Les deux mots de passe ne sont pas les mêmes.' : undefined}
              required
            />
            <Button type="submit" loading={reset.isPending}>
              Enregistrer
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
