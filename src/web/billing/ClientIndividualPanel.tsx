import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ClientIndividual, individualsApi } from '../../shared/individuals';
import { call } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { CesuCard } from './CesuCard';
import { MandateCard } from './MandateCard';
import { UrssafRegistrationActions } from './UrssafActions';
import { UrssafCard } from './UrssafCard';

/**
 * The client record's tab for an individual (services à la personne): avance immédiate, SEPA mandate, CESU
 * received. See src/server/modules/individuals for the API.
 */
export function ClientIndividualPanel({ clientId }: { clientId: string }) {
  const orgId = useOrgId();
  const can = useCan();
  const qc = useQueryClient();
  const key = ['client-individual', orgId, clientId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call(individualsApi.client, { params: { orgId, clientId } }),
  });
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const set = (data: ClientIndividual) => qc.setQueryData(key, data);
  const write = can('payment.write');
  return (
    <Stack>
      <UrssafCard clientId={clientId} data={d} onChange={set} write={write} />
      <UrssafRegistrationActions clientId={clientId} data={d} onChange={set} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MandateCard clientId={clientId} data={d} onChange={set} write={write} />
        <CesuCard clientId={clientId} data={d} onChange={() => qc.invalidateQueries({ queryKey: key })} write={write} />
      </SimpleGrid>
    </Stack>
  );
}
