import { Button, Container, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl" ta="center">
      <Title order={1}>Page introuvable</Title>
      <Text mt="md" c="dimmed">
        Cette adresse n’existe pas, ou vous n’y avez pas accès.
      </Text>
      <Button component={Link} to="/" mt="lg">
        Revenir à l’accueil
      </Button>
    </Container>
  );
}
