import { Alert, Button, Container, List, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SubmittedNeed } from '../../shared/needs';

/** The public need form's receipt: its reference and the AIs it was routed to. */
export function NeedSent({ done }: { done: SubmittedNeed }) {
  return (
    <Container size="sm" py="xl">
      <Title order={1}>Votre besoin est envoyé</Title>
      <Alert color="blue" mt="md" title={`Référence ${done.reference}`} role="status">
        Un e-mail de confirmation vous a été envoyé, avec un lien personnel pour suivre votre besoin.
      </Alert>
      {done.routedTo.length > 0 ? (
        <>
          <Text mt="lg">Il a été transmis à ces associations intermédiaires proches de chez vous :</Text>
          <List mt="sm" data-testid="routed-to">
            {done.routedTo.map((r) => (
              <List.Item key={r.organisationId}>
                {r.name}
                {r.distanceKm !== null ? ` — à ${r.distanceKm.toLocaleString('fr-FR')} km` : ''}
              </List.Item>
            ))}
          </List>
          <Text mt="md">La première qui le prend en charge vous contacte.</Text>
        </>
      ) : (
        <Text mt="lg">
          Aucune structure ne couvre encore exactement votre demande : le réseau des associations intermédiaires
          l’étudie et vous recontactera.
        </Text>
      )}
      <Button component={Link} to="/" variant="light" mt="xl">
        Retour à l’accueil
      </Button>
    </Container>
  );
}
