import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { clientsApi } from '../../shared/clients';
import { call } from '../api';
import { useOrgId } from '../shell/session';
import { PageHeader } from '../shell/ui';
import { ClientForm } from './ClientForm';

export function NewClientPage() {
  const orgId = useOrgId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader title="Nouveau client" />
      <ClientForm
        submitLabel="Créer le client"
        onSubmit={async (body) => {
          const c = await call(clientsApi.create, { params: { orgId }, body });
          qc.invalidateQueries({ queryKey: ['clients', orgId] });
          notifications.show({ message: `Client « ${c.name} » créé.`, color: 'green' });
          navigate(`../${c.id}`, { relative: 'path' });
        }}
      />
    </>
  );
}
