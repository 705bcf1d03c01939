import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ASP_EXIT_REASONS, type AspExitReason, aspReasonsOf } from '../../shared/asp-exit-reasons';
import { formatDate, formatMinutes } from '../../shared/format';
import { EXIT_CATEGORY_CHOICES, type ExitCategory, supportApi } from '../../shared/support';
import { ApiError, call } from '../api';
import { FreeShiftsConfirm } from '../planning/FreeShiftsConfirm';
import { useCan } from '../shell/session';
import { ErrorAlert, textFields } from '../shell/ui';
import type { Body } from './support-file';
import { Block, options, type SupportFile, today, useSupportMutation } from './support-file';

export function ExitBlock({ workerId, file, exited }: { workerId: string; file: SupportFile; exited: boolean }) {
  const can = useCan();
  const [form, setForm] = useState({
    date: today(),
    category: null as string | null,
    aspReason: null as string | null,
    reason: '',
  });
  const text = textFields(form, setForm);
  const add = useSupportMutation(workerId, (params, body: Body<typeof supportApi.recordExit>) =>
    call(supportApi.recordExit, { params, body }),
  );
  // The person's shifts after the exit date are named and freed with the exit (FreeShiftsConfirm).
  const [confirming, setConfirming] = useState(false);
  const [aspMissing, setAspMissing] = useState(false);
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // The ASP export needs the reason beside the category (issue 15, ASP monthly follow-up).
          setAspMissing(!form.aspReason);
          if (form.aspReason) setConfirming(true);
        }}
      >
        <FreeShiftsConfirm
          workerId={workerId}
          date={form.date}
          opened={confirming}
          onCancel={() => setConfirming(false)}
          onConfirm={(freeShifts) => {
            setConfirming(false);
            const { aspReason, category, ...rest } = form;
            add.mutate({
              ...rest,
              category: category as ExitCategory,
              ...(aspReason ? { aspReason: aspReason as AspExitReason } : {}),
              freeShifts,
            });
          }}
        />
        <ErrorAlert error={add.error} title="Sortie non enregistrée" />
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label="Date de sortie" {...text('date')} error={errors.date} required />
            <Select
              label="Catégorie (ASP)"
              data={options(EXIT_CATEGORY_CHOICES)}
              value={form.category}
              onChange={(v) => setForm({ ...form, category: v, aspReason: null })}
              error={errors.category}
              required
              w={{ base: '100%', sm: 420 }}
            />
            <Select
              label="Motif de sortie (ASP)"
              description="La liste de l’extranet IAE de l’ASP pour cette catégorie."
              placeholder={form.category ? 'Choisir le motif' : 'Choisissez d’abord la catégorie'}
              data={form.category ? aspReasonsOf(form.category) : []}
              value={form.aspReason}
              onChange={(v) => setForm({ ...form, aspReason: v })}
              error={errors.aspReason ?? (aspMissing && !form.aspReason ? 'Choisissez le motif de sortie.' : undefined)}
              disabled={!form.category}
              required
              w={{ base: '100%', sm: 420 }}
            />
          </Group>
          <TextInput
            label="Motif"
            {...text('reason')}
            error={errors.reason}
            required
            placeholder="ex. CDI agent de service à l’EHPAD Les Tilleuls"
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Enregistrer la sortie
            </Button>
          </Group>
        </Stack>
      </form>
    </Block>
  );
}
