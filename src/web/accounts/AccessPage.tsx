import { Alert, Anchor, Button, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { accountsApi, ROLE_LABELS } from '../../shared/accounts';
import { call } from '../api';
import { confirmMatches, NewPasswordFields } from '../blocks/NewPasswordFields';
import { useApiForm } from '../blocks/useApiForm';
import { ErrorAlert, Loading } from '../shell/ui';
import { landSignedIn } from './signed-in';

/** /acces/:token — the link of an invitation: a colleague chooses a password, a worker or a client is in at once. */
export function AccessPage() {
  const { token = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['access', token],
    queryFn: () => call(accountsApi.describeInvitation, { params: { token } }),
    retry: false,
  });
  const accept = useApiForm({
    initial: { password: '', confirm: '' },
    validate: (v) => (q.data?.needsPassword ? confirmMatches()(v) : {}),
    submit: (v) =>
      call(accountsApi.acceptInvitation, {
        params: { token },
        body: q.data?.needsPassword ? { password: v.password } : {},
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
        <form onSubmit={accept.onSubmit} noValidate>
          <Stack mt="md">
            <ErrorAlert error={accept.alertError} title="Accès refusé" />
            {inv.email && <TextInput label="Adresse e-mail" value={inv.email} readOnly />}
            {inv.needsPassword ? (
              <NewPasswordFields form={accept} label="Choisissez un mot de passe" />
            ) : inv.existingAccount && !bound ? (
              <Text size="sm">Vous avez déjà un compte avec cette adresse : cet accès y sera ajouté.</Text>
            ) : (
              <Text>Appuyez sur le bouton : ce téléphone restera connecté. Pas de mot de passe à retenir.</Text>
            )}
            <Button type="submit" size={bound ? 'lg' : 'md'} loading={accept.busy}>
              {bound ? 'Ouvrir ma page' : 'Accepter l’invitation'}
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
