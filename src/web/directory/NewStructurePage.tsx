import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { directoryApi } from '../../shared/directory';
import { call } from '../api';
import { useNetworkId } from '../shell/session';
import { PageHeader } from '../shell/ui';
import { emptyForm, StructureForm } from './StructureForm';

export function NewStructurePage() {
  const networkId = useNetworkId();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageHeader title="Ajouter une structure" subtitle="Elle apparaîtra sur la carte et dans l’annuaire public." />
      <StructureForm
        initial={emptyForm}
        submitLabel="Ajouter la structure"
        onSubmit={async (body) => {
          const created = await call(directoryApi.createStructure, { params: { networkId }, body });
          await qc.invalidateQueries({ queryKey: ['network-structures'] });
          notifications.show({ color: 'green', message: `${created.name} est ajoutée à l’annuaire.` });
          navigate(`../${created.id}`, { relative: 'path' });
        }}
      />
    </>
  );
}
