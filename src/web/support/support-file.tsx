import { Card, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { type UseApiFormOptions, useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';

/** What the support file's blocks share: today in Paris, select options, a titled block, a write under the worker. */
export type { SupportFile } from '../../shared/support';

/** What an endpoint takes as its body. */
export type Body<E extends { body: z.ZodType }> = z.input<E['body']>;

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

export const options = (r: Record<string, string>) => Object.entries(r).map(([value, label]) => ({ value, label }));

export function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A write in the file (`send` calls its endpoint); the file and the record are read again after it. */
export function useSupportMutation<B>(
  workerId: string,
  send: (params: { orgId: string; workerId: string }, body: B) => Promise<unknown>,
  onDone?: () => void,
) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send({ orgId, workerId }, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] });
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
      onDone?.();
    },
  });
}

/**
 * A form of the file (docs/decisions/014-web-blocks.md): `send` calls its endpoint with the worker's path
 * parameters; the values stay as typed on error and the file is read again after a success.
 */
export function useSupportForm<F extends Record<string, unknown>>(
  workerId: string,
  o: Omit<UseApiFormOptions<F, unknown>, 'submit' | 'onSuccess'> & {
    send: (params: { orgId: string; workerId: string }, values: F) => Promise<unknown>;
  },
) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const { send, ...rest } = o;
  return useApiForm<F, unknown>({
    resetOnSuccess: true,
    ...rest,
    submit: (values) => send({ orgId, workerId }, values),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['support-file', orgId, workerId] });
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
    },
  });
}
