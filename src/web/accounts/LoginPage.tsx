import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accountsApi } from '../../shared/accounts';
import { ApiError, call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { homeOf } from '../shell/session';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  // « Mot de passe oublié ? » opens at once: its page is loaded with this one. While a lazily loaded page is
  // still loading, the login form stays on screen and what is typed goes into its « Adresse e-mail » field, then
  // vanishes with it. Loading it here shortens that moment to a render; it cannot remove it (React renders a lazy
  // page one tick after its module is there), so a script waits for the page's heading.
  useEffect(() => {
    void import('./PasswordPages');
  }, []);
  const form = useApiForm({
    initial: { email: '', password: '' },
    submit: (body) => call(accountsApi.login, { body }),
    onSuccess: (me) => {
      qc.setQueryData(['me'], me);
      const back = params.get('retour');
      navigate(back?.startsWith('/') ? back : me.memberships[0] ? homeOf(me.memberships[0]) : '/');
    },
  });
  const error = form.alertError;

  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center">
        Connexion à Passerelle
      </Title>
      <Text c="dimmed" size="sm" ta="center" mt={5}>
        Pour les structures, leurs clients, leurs salarié·es et les réseaux.
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md" component="form" onSubmit={form.onSubmit} noValidate>
        <Stack>
          {error != null && (
            <Alert color="red" role="alert" title="Connexion refusée">
              {error instanceof ApiError ? error.message : 'Connexion impossible pour le moment. Réessayez.'}
            </Alert>
          )}
          <TextInput label="Adresse e-mail" type="email" autoComplete="username" required {...form.field('email')} />
          <PasswordInput label="Mot de passe" autoComplete="current-password" required {...form.field('password')} />
          <Button type="submit" loading={form.busy} fullWidth>
            Se connecter
          </Button>
          <Anchor component={Link} to="/mot-de-passe-oublie" state={{ email: form.values.email }} size="sm" ta="center">
            Mot de passe oublié ?
          </Anchor>
        </Stack>
      </Paper>
      <Text ta="center" mt="md">
        Salarié·e ou particulier avec un code papier ?{' '}
        <Anchor component={Link} to="/code">
          J’ai un code
        </Anchor>
      </Text>
      <Text ta="center" mt="md" size="sm">
        <Anchor component={Link} to="/">
          Retour à l’accueil
        </Anchor>
      </Text>
    </Container>
  );
}
