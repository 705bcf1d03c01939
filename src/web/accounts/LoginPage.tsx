import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accountsApi } from '../../shared/accounts';
import { ApiError, call } from '../api';
import { homeOf } from '../shell/session';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  // « Mot de passe oublié ? » opens at once: its page is loaded with this one. While a lazily loaded page was
  // still loading, the login form stayed on screen and what was typed went into its « Adresse e-mail » field,
  // then vanished with it: the request left with an empty address (400), and « Regardez vos e-mails » never came.
  useEffect(() => {
    void import('./PasswordPages');
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await call(accountsApi.login, { body: { email, password } });
      qc.setQueryData(['me'], me);
      const back = params.get('retour');
      navigate(back?.startsWith('/') ? back : me.memberships[0] ? homeOf(me.memberships[0]) : '/');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Connexion impossible pour le moment. Réessayez.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center">
        Connexion à Passerelle
      </Title>
      <Text c="dimmed" size="sm" ta="center" mt={5}>
        Pour les structures, leurs clients, leurs salarié·es et les réseaux.
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert" title="Connexion refusée">
              {error}
            </Alert>
          )}
          <TextInput
            label="Adresse e-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Mot de passe"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} fullWidth>
            Se connecter
          </Button>
          <Anchor component={Link} to="/mot-de-passe-oublie" state={{ email }} size="sm" ta="center">
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
