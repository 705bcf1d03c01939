import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { formatDate } from '../../shared/format';
import type { InterviewKind } from '../../shared/support';
import { INTERVIEW_KIND_LABELS, supportApi } from '../../shared/support';
import { call } from '../api';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Reserved } from './Reserved';
import { Block, options, type SupportFile, today, useSupportForm } from './support-file';

export function InterviewsBlock({ workerId, file }: { workerId: string; file: SupportFile }) {
  const canWrite = useCan()('support.write');
  const form = useSupportForm(workerId, {
    initial: { heldOn: today(), kind: 'follow_up' as string | null, notes: '' },
    send: (params, v) =>
      call(supportApi.recordInterview, {
        params,
        body: { heldOn: v.heldOn, kind: (v.kind ?? undefined) as InterviewKind | undefined, notes: v.notes },
      }),
  });
  return (
    <Block title="Entretiens">
      <Stack gap="sm" mb="sm">
        {file.interviews.length === 0 && (
          <Text c="dimmed" size="sm">
            Aucun entretien.
          </Text>
        )}
        {file.interviews.map((i) => (
          <div key={i.id}>
            <Text size="sm" fw={600}>
              {formatDate(i.heldOn)} · {INTERVIEW_KIND_LABELS[i.kind]}
              {i.authorName ? ` · ${i.authorName}` : ''}
            </Text>
            {i.restricted ? (
              <Reserved what="Notes d’entretien" />
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.notes}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorAlert error={form.alertError} title="Entretien non enregistré" />
          <Stack>
            <Group>
              <TextInput type="date" label="Date de l’entretien" {...form.field('heldOn')} required />
              <Select
                label="Type d’entretien"
                data={options(INTERVIEW_KIND_LABELS)}
                {...form.field('kind')}
                allowDeselect={false}
              />
            </Group>
            <Textarea label="Notes de l’entretien" {...form.field('notes')} autosize minRows={3} required />
            <Group>
              <Button type="submit" loading={form.busy}>
                Enregistrer l’entretien
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Block>
  );
}
