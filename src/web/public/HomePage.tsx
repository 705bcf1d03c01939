import { Button, Container, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';

const steps = [
  [
    '1',
    'Trouvez une structure',
    'Les associations intermédiaires près de chez vous, sur une carte ou dans l’annuaire.',
  ],
  ['2', 'Déposez votre besoin', 'Renfort urgent ou besoin durable : en 3 étapes, la bonne structure vous répond.'],
  ['3', 'Suivez vos missions', 'Devis, contrat, planning, remplacements et factures au même endroit.'],
];

export function HomePage() {
  return (
    <Container size="lg" py="xl">
      <Title order={1}>Des personnes prêtes à travailler, près de chez vous</Title>
      <Text size="lg" mt="md" maw={720}>
        Les associations intermédiaires recrutent des personnes éloignées de l’emploi et les mettent à disposition
        d’établissements, d’entreprises, de collectivités et de particuliers, tout en les accompagnant vers un emploi
        durable.
      </Text>
      <Group mt="xl">
        <Button size="md" component={Link} to="/besoin">
          Déposer un besoin
        </Button>
        <Button size="md" variant="light" component={Link} to="/carte">
          Voir la carte des structures
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt={48}>
        {steps.map(([n, title, text]) => (
          <div key={n}>
            <ThemeIcon size="lg" radius="xl" aria-hidden>
              {n}
            </ThemeIcon>
            <Title order={2} size="h4" mt="sm">
              {title}
            </Title>
            <Text c="dimmed" mt={4}>
              {text}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Container>
  );
}
