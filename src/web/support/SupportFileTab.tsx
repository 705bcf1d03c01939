import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { supportApi } from '../../shared/support';
import { call } from '../api';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading } from '../shell/ui';
import { ActionsBlock } from './ActionsBlock';
import { BarriersBlock } from './BarriersBlock';
import { ExitBlock } from './ExitBlock';
import { ImmersionsBlock } from './ImmersionsBlock';
import { InterviewsBlock } from './InterviewsBlock';
import { PathwaysBlock } from './PathwaysBlock';
import { TrainingsBlock } from './TrainingsBlock';

/** The support file (sensitive): only for support staff; every load is logged by the server. */
export function SupportFileTab({ workerId, exited }: { workerId: string; exited: boolean }) {
  const orgId = useOrgId();
  const file = useQuery({
    queryKey: ['support-file', orgId, workerId],
    queryFn: () => call(supportApi.file, { params: { orgId, workerId } }),
  });
  if (file.isPending) return <Loading />;
  if (!file.data) return <ErrorAlert error={file.error} />;
  const f = file.data;
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        Informations confidentielles : réservées à l’accompagnement et à la direction. Chaque consultation est
        enregistrée.
      </Text>
      <BarriersBlock workerId={workerId} file={f} />
      <InterviewsBlock workerId={workerId} file={f} />
      <ActionsBlock workerId={workerId} file={f} />
      <ImmersionsBlock workerId={workerId} file={f} />
      <TrainingsBlock workerId={workerId} file={f} />
      <PathwaysBlock workerId={workerId} file={f} />
      <ExitBlock workerId={workerId} file={f} exited={exited} />
    </>
  );
}
