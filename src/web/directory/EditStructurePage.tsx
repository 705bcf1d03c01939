import { Anchor, Button, Card, Grid, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { directoryApi, type StructureForm as StructureBody } from '../../shared/directory';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useNetworkId } from '../shell/session';
import { ConfirmButton, ErrorAlert, Loading, PageHeader } from '../shell/ui';
import type { NetworkStructure } from './api';
import { fromStructure, StructureForm } from './StructureForm';
import { StatusBadge } from './StructureStatusBadge';

export function EditStructurePage() {
  const networkId = useNetworkId();
  const { organisationId = '' } = useParams();
  const canWrite = useCan()('network.directory.write');
  const qc = useQueryClient();
  const params = { networkId, organisationId };
  const key = ['network-structure', networkId, organisationId];
  const q = useQuery({ queryKey: key, queryFn: () => call(directoryApi.networkStructure, { params }) });
  const patch = async (body: Partial<StructureBody>) => {
    const updated = await call(directoryApi.updateStructure, { params, body });
    qc.setQueryData(key, updated);
    await qc.invalidateQueries({ queryKey: ['network-structures'] });
    return updated;
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <>
      <PageHeader
        title={s.name}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge s={s} />
            {s.isActive && s.isPublic && (
              <Anchor component={Link} to={`/structures/${s.slug}`}>
                Voir la fiche publique
              </Anchor>
            )}
          </Group>
        }
      />
      {canWrite ? (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <StructureForm
              key={s.updatedAt}
              initial={fromStructure(s)}
              submitLabel="Enregistrer"
              onSubmit={async (body) => {
                await patch(body);
                notifications.show({ color: 'green', message: 'Modifications enregistrées.' });
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack>
              <Card withBorder>
                <Title order={2} size="h5">
                  Visibilité
                </Title>
                <Switch
                  mt="sm"
                  label="Visible sur la carte et dans l’annuaire"
                  checked={s.isPublic}
                  disabled={!s.isActive}
                  onChange={async (e) => {
                    const isPublic = e.currentTarget.checked;
                    await patch({ isPublic });
                    notifications.show({
                      message: isPublic
                        ? 'La structure est de nouveau visible.'
                        : 'La structure est masquée au public.',
                    });
                  }}
                />
                <Group mt="md">
                  {s.isActive ? (
                    <ConfirmButton
                      color="red"
                      variant="default"
                      consequence={`${s.name} disparaîtra de la carte et de l’annuaire, et ne recevra plus de besoins. Vous pourrez la réactiver.`}
                      confirmLabel="Désactiver"
                      onConfirm={() => patch({ isActive: false })}
                    >
                      Désactiver la structure
                    </ConfirmButton>
                  ) : (
                    <Button variant="default" onClick={() => patch({ isActive: true })}>
                      Réactiver la structure
                    </Button>
                  )}
                </Group>
              </Card>
              <InviteCard structure={s} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Text>{s.presentation}</Text>
      )}
    </>
  );
}

function InviteCard({ structure }: { structure: NetworkStructure }) {
  const networkId = useNetworkId();
  const qc = useQueryClient();
  const invite = useApiForm({
    initial: { name: '', email: '' },
    submit: (body) => call(directoryApi.inviteAdmin, { params: { networkId, organisationId: structure.id }, body }),
    resetOnSuccess: true,
    onSuccess: async (r) => {
      notifications.show({ color: 'green', message: `Invitation envoyée à ${r.email}.` });
      await qc.invalidateQueries({ queryKey: ['network-structures'] });
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h5">
        Inviter la direction
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        La personne reçoit un lien personnel (valable 14 jours) pour choisir son mot de passe et gérer la structure.
      </Text>
      <form onSubmit={invite.onSubmit}>
        <Stack mt="sm" gap="sm">
          <TextInput label="Nom et prénom" {...invite.field('name')} required />
          <TextInput label="Adresse e-mail" type="email" {...invite.field('email')} required />
          <ErrorAlert error={invite.alertError} />
          <Button type="submit" loading={invite.busy} variant="default">
            Envoyer l’invitation
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
