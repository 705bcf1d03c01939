import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { ASP_EXIT_REASONS, type AspExitReason, aspReasonsOf } from '../../shared/asp-exit-reasons';
import { formatDate, formatMinutes } from '../../shared/format';
import { EXIT_CATEGORY_CHOICES, type ExitCategory, supportApi } from '../../shared/support';
import { call } from '../api';
import { FreeShiftsConfirm } from '../planning/FreeShiftsConfirm';
import { useCan } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { Block, options, type SupportFile, today, useSupportForm } from './support-file';

export function ExitBlock({ workerId, file, exited }: { workerId: string; file: SupportFile; exited: boolean }) {
  const can = useCan();
  // Two steps: the form checks and the person's shifts after the exit date are then named (FreeShiftsConfirm); the
  // exit is sent, freeing them, only once that is confirmed. The answer arrives through `answer`; a cancel rejects
  // with nothing, so that useApiForm keeps the input and shows no alert.
  const [confirming, setConfirming] = useState(false);
  const answer = useRef<{ confirm: (freeShifts: boolean) => void; cancel: () => void } | null>(null);
  const settle = (freeShifts: boolean | null) => {
    setConfirming(false);
    if (freeShifts === null) answer.current?.cancel();
    else answer.current?.confirm(freeShifts);
    answer.current = null;
  };
  const form = useSupportForm(workerId, {
    initial: { date: today(), category: null as string | null, aspReason: null as string | null, reason: '' },
    // The ASP export needs the reason beside the category (issue 15, ASP monthly follow-up).
    validate: (v) => ({ aspReason: v.aspReason ? undefined : 'Choisissez le motif de sortie.' }),
    send: async (params, { aspReason, category, ...rest }) => {
      const freeShifts = await new Promise<boolean>((confirm, cancel) => {
        answer.current = { confirm, cancel: () => cancel() };
        setConfirming(true);
      });
      return call(supportApi.recordExit, {
        params,
        body: { ...rest, category: category as ExitCategory, aspReason: aspReason as AspExitReason, freeShifts },
      });
    },
  });
  if (file.exit)
    return (
      <Block title="Sortie">
        <Text>
          {formatDate(file.exit.date)} · {EXIT_CATEGORY_CHOICES[file.exit.category]}
        </Text>
        {file.exit.aspReason && file.exit.aspReason in ASP_EXIT_REASONS && (
          <Text size="sm">Motif ASP : {ASP_EXIT_REASONS[file.exit.aspReason as AspExitReason].label}</Text>
        )}
        <Text size="sm">{file.exit.reason}</Text>
        <Text size="sm" c="dimmed">
          {formatMinutes(file.exit.minutesWorked)} travaillées ·{' '}
          {file.exit.countsForStatistics ? 'comptée dans les statistiques' : 'non comptée (moins de 150 h travaillées)'}
        </Text>
      </Block>
    );
  if (!can('exit.write') || exited) return null;
  return (
    <Block title="Enregistrer la sortie">
      <form onSubmit={form.onSubmit}>
        <FreeShiftsConfirm
          workerId={workerId}
          date={form.values.date}
          opened={confirming}
          onCancel={() => settle(null)}
          onConfirm={settle}
        />
        <ErrorAlert error={form.alertError} title="Sortie non enregistrée" />
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label="Date de sortie" {...form.field('date')} required />
            <Select
              label="Catégorie (ASP)"
              data={options(EXIT_CATEGORY_CHOICES)}
              {...form.field('category')}
              onChange={(v) => form.setValues((f) => ({ ...f, category: v, aspReason: null }))}
              required
              w={{ base: '100%', sm: 420 }}
            />
            <Select
              label="Motif de sortie (ASP)"
              description="La liste de l’extranet IAE de l’ASP pour cette catégorie."
              placeholder={form.values.category ? 'Choisir le motif' : 'Choisissez d’abord la catégorie'}
              data={form.values.category ? aspReasonsOf(form.values.category) : []}
              {...form.field('aspReason')}
              disabled={!form.values.category}
              required
              w={{ base: '100%', sm: 420 }}
            />
          </Group>
          <TextInput
            label="Motif"
            {...form.field('reason')}
            required
            placeholder="ex. CDI agent de service à l’EHPAD Les Tilleuls"
          />
          <Group>
            <Button type="submit" loading={form.busy}>
              Enregistrer la sortie
            </Button>
          </Group>
        </Stack>
      </form>
    </Block>
  );
}
