import { Anchor, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { directoryApi } from '../../shared/directory';
import { call } from '../api';
import { NewPasswordFields } from '../blocks/NewPasswordFields';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading } from '../shell/ui';

/** /invitation/:token: the invited administrator chooses a password. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call(directoryApi.invitation, { params: { token } }),
    retry: false,
  });
  const existingAccount = q.data?.existingAccount ?? false;
  const accept = useApiForm({
    initial: { password: '', confirm: '' },
    // Someone who already has an account keeps their password: nothing to type, nothing to compare.
    validate: (v) => ({
      confirm: !existingAccount && v.password !== v.confirm ? 'Les deux mots de passe sont différents.' : undefined,
    }),
    submit: (v) =>
      call(directoryApi.acceptInvitation, { params: { token }, body: existingAccount ? {} : { password: v.password } }),
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
        <form onSubmit={accept.onSubmit}>
          <Stack mt="md">
            <TextInput label="Adresse e-mail" value={inv.email} readOnly />
            {inv.existingAccount ? (
              <Text size="sm">
                Vous avez déjà un compte Passerelle avec cette adresse : la structure sera ajoutée à votre compte, avec
                votre mot de passe actuel.
              </Text>
            ) : (
              <NewPasswordFields
                form={accept}
                label="Choisissez un mot de passe"
                description="12 caractères au moins, pas un mot de passe courant (une phrase de quelques mots, par exemple)"
                confirmLabel="Confirmez le mot de passe"
              />
            )}
            <ErrorAlert error={accept.alertError} />
            <Button type="submit" loading={accept.busy}>
              Activer mon accès
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
