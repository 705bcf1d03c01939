import { Button, Group, Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../shared/format';
import type { STEP_STATUSES } from '../../shared/support';
import { STEP_STATUS_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, options, type SupportFile, useSupportForm } from './support-file';

type Step = SupportFile['pathways'][number]['steps'][number];

export function PathwaysBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const orgId = useOrgId();
  const canWrite = useCan()('support.write');
  const qc = useQueryClient();
  const templates = useQuery({
    queryKey: ['pathway-templates', orgId],
    queryFn: () => call(supportApi.pathwayTemplates, { params: { orgId } }),
  });
  const start = useSupportForm(workerId, {
    initial: { template: 'ehpad' as string | null },
    // The template chosen stays selected after a start: the next person often follows the same pathway.
    resetOnSuccess: false,
    send: (params, v) => call(supportApi.startPathway, { params, body: { template: v.template ?? '' } }),
  });
  const step = useMutation({
    mutationFn: ({ pathwayId, stepId, status }: { pathwayId: string; stepId: string; status: string }) =>
      call(supportApi.updatePathwayStep, {
        params: { orgId, workerId, pathwayId, stepId },
        body: { status: status as (typeof STEP_STATUSES)[number] },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] }),
  });
  // The steps keep their order (a pathway is read from its first step): no column sorts.
  const stepColumns = (pathwayId: string): DataColumn<Step>[] => [
    { key: 'etape', header: 'Étape', cell: (s) => `${s.position}. ${s.label}` },
    {
      key: 'statut',
      header: 'Statut',
      cell: (s) =>
        canWrite ? (
          <Select
            aria-label={`Statut de l’étape ${s.position}`}
            size="xs"
            data={options(STEP_STATUS_LABELS)}
            value={s.status}
            onChange={(v) => v && step.mutate({ pathwayId, stepId: s.id, status: v })}
            allowDeselect={false}
            w={200}
          />
        ) : (
          STEP_STATUS_LABELS[s.status]
        ),
    },
    { key: 'fait', header: 'Faite le', cell: (s) => (s.doneOn ? formatDate(s.doneOn) : '') },
  ];
  return (
    <Block title="Parcours">
      {file.pathways.map((p) => (
        <div key={p.id}>
          <Text fw={600}>
            {p.title} · commencé le {formatDate(p.startedOn)}
          </Text>
          <DataTable
            rows={p.steps}
            columns={stepColumns(p.id)}
            rowKey={(s) => s.id}
            caption={`Étapes du parcours ${p.title}`}
            empty="Aucune étape."
            urlPrefix="etapes-"
            striped={false}
            mb="sm"
          />
        </div>
      ))}
      {canWrite && (
        <form onSubmit={start.onSubmit} noValidate aria-label="Démarrer un parcours">
          <ErrorAlert error={start.alertError} />
          <Group align="flex-end">
            <Select
              label="Modèle de parcours"
              data={(templates.data?.items ?? []).map((t) => ({ value: t.key, label: t.title }))}
              {...start.field('template')}
              allowDeselect={false}
            />
            <Button type="submit" loading={start.busy}>
              Démarrer le parcours
            </Button>
          </Group>
        </form>
      )}
    </Block>
  );
}
