import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type AccessInvitationDescriptionT, ROLE_LABELS } from '../../shared/accounts';
import { ApiError, api } from '../api';
import type { Me } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { landSignedIn } from './signed-in';

/** /acces/:token — the link of an invitation: a colleague chooses a password, a worker or a client is in at once. */
export function AccessPage() {
  const { token = '' } = useParams();
  const qc = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const q = useQuery({
    queryKey: ['access', token],
    queryFn: () => api<AccessInvitationDescriptionT>(`/api/public/access/${encodeURIComponent(token)}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      api<Me>(`/api/public/access/${encodeURIComponent(token)}/accept`, {
        body: q.data?.needsPassword ? { password } : {},
      }),
    onSuccess: (me) => landSignedIn(qc, me),
  });
  if (q.isPending) return <Loading />;
  if (q.error || !q.data)
    return (
      <Container size="xs" py="xl">
        <Title order={1} size="h2">
          Lien introuvable
        </Title>
        <Text mt="md">Ce lien ne marche pas ou plus. Demandez un nouveau lien à la personne qui vous l’a envoyé.</Text>
      </Container>
    );
  const inv = q.data;
  const bound = inv.role === 'worker' || inv.role === 'client_user';
  const fieldErrors = accept.error instanceof ApiError ? accept.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inv.needsPassword && password !== confirm) return setMismatch(true);
    setMismatch(false);
    accept.mutate();
  };
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Bienvenue sur Passerelle
      </Title>
      <Text mt="sm" size="lg">
        Bonjour {inv.name}.
      </Text>
      <Text mt="xs">
        {inv.role === 'worker'
          ? `${inv.organisationName} vous donne votre page : vos créneaux et vos heures.`
          : inv.role === 'client_user'
            ? `${inv.organisationName} vous donne accès à votre espace client.`
            : `${inv.organisationName} vous invite avec le rôle « ${ROLE_LABELS[inv.role]} ».`}
      </Text>
      {inv.accepted ? (
        <Alert mt="md" color="orange" title="Ce lien a déjà servi">
          {bound ? 'Demandez un nouveau code à votre structure.' : 'Connectez-vous avec votre mot de passe.'}{' '}
          <Anchor component={Link} to="/connexion">
            Aller à la connexion
          </Anchor>
        </Alert>
      ) : inv.expired ? (
        <Alert mt="md" color="red" title="Ce lien a expiré">
          Demandez-en un nouveau à la personne qui vous l’a envoyé.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack mt="md">
            <ErrorAlert error={fieldErrors.password ? null : accept.error} title="Accès refusé" />
            {inv.email && <TextInput label="Adresse e-mail" value={inv.email} readOnly />}
            {inv.needsPassword ? (
              <>
                <PasswordInput
                  label="Choisissez un mot de passe"
                  description="12 caractères au moins, pas un mot de passe courant : une petite phrase, par exemple."
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  required
                  autoComplete="new-password"
                />
                <PasswordInput
                  label="Le même mot de passe, encore une fois"
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  error={mismatch ? 'Les deux mots de passe ne sont pas les mêmes.' : undefined}
                  required
                  autoComplete="new-password"
                />
              </>
            ) : inv.existingAccount && !bound ? (
              <Text size="sm">Vous avez déjà un compte avec cette adresse : cet accès y sera ajouté.</Text>
            ) : (
              <Text>Appuyez sur le bouton : ce téléphone restera connecté. Pas de mot de passe à retenir.</Text>
            )}
            <Button type="submit" size={bound ? 'lg' : 'md'} loading={accept.isPending}>
              {bound ? 'Ouvrir ma page' : 'Accepter l’invitation'}
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
