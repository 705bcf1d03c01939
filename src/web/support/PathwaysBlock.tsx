import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import type { STEP_STATUSES } from '../../shared/support';
import { STEP_STATUS_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import type { Body } from './support-file';
import { Block, options, type SupportFile, useSupportMutation } from './support-file';

export function PathwaysBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const orgId = useOrgId();
  const canWrite = useCan()('support.write');
  const qc = useQueryClient();
  const templates = useQuery({
    queryKey: ['pathway-templates', orgId],
    queryFn: () => call(supportApi.pathwayTemplates, { params: { orgId } }),
  });
  const [template, setTemplate] = useState<string | null>('ehpad');
  const start = useSupportMutation(workerId, (params, body: Body<typeof supportApi.startPathway>) =>
    call(supportApi.startPathway, { params, body }),
  );
  const step = useMutation({
    mutationFn: ({ pathwayId, stepId, status }: { pathwayId: string; stepId: string; status: string }) =>
      call(supportApi.updatePathwayStep, {
        params: { orgId, workerId, pathwayId, stepId },
        body: { status: status as (typeof STEP_STATUSES)[number] },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  return (
    <Block title="Parcours">
      {file.pathways.map((p) => (
        <div key={p.id}>
          <Text fw={600}>
            {p.title} · commencé le {formatDate(p.startedOn)}
          </Text>
          <StackTable mb="sm">
            <Table.Tbody>
              {p.steps.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.position}. {s.label}
                  </Table.Td>
                  <Table.Td w={200}>
                    {canWrite ? (
                      <Select
                        aria-label={`Statut de l’étape ${s.position}`}
                        size="xs"
                        data={options(STEP_STATUS_LABELS)}
                        value={s.status}
                        onChange={(v) => v && step.mutate({ pathwayId: p.id, stepId: s.id, status: v })}
                        allowDeselect={false}
                      />
                    ) : (
                      STEP_STATUS_LABELS[s.status]
                    )}
                  </Table.Td>
                  <Table.Td>{s.doneOn ? formatDate(s.doneOn) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
        </div>
      ))}
      {canWrite && (
        <Group align="flex-end">
          <ErrorAlert error={start.error} />
          <Select
            label="Modèle de parcours"
            data={(templates.data?.items ?? []).map((t) => ({ value: t.key, label: t.title }))}
            value={template}
            onChange={setTemplate}
            allowDeselect={false}
          />
          <Button onClick={() => start.mutate({ template: template ?? '' })} loading={start.isPending}>
            Démarrer le parcours
          </Button>
        </Group>
      )}
    </Block>
  );
}
