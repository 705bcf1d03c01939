import { Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { directoryApi } from '../../shared/directory';
import { ApiError, call } from '../api';
import { ErrorAlert, Loading } from '../shell/ui';

/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */

/** /invitation/:token: the invited administrator chooses a password. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const q = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call(directoryApi.invitation, { params: { token } }),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      call(directoryApi.acceptInvitation, { params: { token }, body: q.data?.existingAccount ? {} : { password } }),
    onSuccess: (r) => {
      window.location.assign(r.existingAccount ? '/connexion' : `/ai/${r.organisationId}`);
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) {
    return (
      <Container size="xs" py="xl">
        <Title order={1} size="h2">
          Invitation introuvable
        </Title>
        <Text mt="md">
          Ce lien n’est pas valable. Demandez à la coordination du réseau de vous renvoyer une invitation.
        </Text>
      </Container>
    );
  }
  const inv = q.data;
  const fieldErrors = accept.error instanceof ApiError ? accept.error.fieldErrors : {};
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Bienvenue sur Passerelle
      </Title>
      <Text mt="sm">
        {inv.name}, vous êtes invité·e à gérer <strong>{inv.organisationName}</strong>.
      </Text>
      {inv.accepted ? (
        <Text mt="md">
          Cette invitation a déjà été utilisée. <Anchor onClick={() => navigate('/connexion')}>Connectez-vous</Anchor>.
        </Text>
      ) : inv.expired ? (
        <Text mt="md" c="red.8">
          Cette invitation a expiré : demandez-en une nouvelle à la coordination du réseau.
        </Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!inv.existingAccount && password !== confirm) {
              setMismatch(true);
              return;
            }
            setMismatch(false);
            accept.mutate();
          }}
        >
          <Stack mt="md">
            <TextInput label="Adresse e-mail" value={inv.email} readOnly />
            {inv.existingAccount ? (
              <Text size="sm">
                Vous avez déjà un compte Passerelle avec cette adresse : la structure sera ajoutée à votre compte, avec
                votre mot de passe actuel.
              </Text>
            ) : null}
            {!inv.existingAccount && (
              <PasswordInput
                label="Choisissez un mot de passe"
                description="12 caractères au moins, pas un mot de passe courant (une phrase de quelques mots, par exemple)"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldErrors.password}
                required
                autoComplete="new-password"
              />
            )}
            {!inv.existingAccount && (
              <PasswordInput
                label="Confirmez le mot de passe"
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={mismatch ? 'Les deux mots de passe sont différents.' : undefined}
                required
                autoComplete="new-password"
              />
            )}
            {accept.error && !fieldErrors.password && <ErrorAlert error={accept.error} />}
            <Button type="submit" loading={accept.isPending}>
              Activer mon accès
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
