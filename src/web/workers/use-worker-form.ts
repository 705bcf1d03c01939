import { useQueryClient } from '@tanstack/react-query';
import { type UseApiFormOptions, useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';

/** Today in Paris (YYYY-MM-DD): the default date of the PASS, eligibility and contract forms. */
export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/**
 * A form that writes under one worker (docs/decisions/014-web-blocks.md): `send` calls its endpoint with the
 * worker's path parameters; after a success the record and the list are read again, then `onDone` runs.
 */
export function useWorkerForm<F extends Record<string, unknown>, R>(
  workerId: string,
  o: Omit<UseApiFormOptions<F, R>, 'submit' | 'onSuccess'> & {
    send: (params: { orgId: string; workerId: string }, values: F) => Promise<R>;
    onDone?: (result: R) => void;
  },
) {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const { send, onDone, ...rest } = o;
  return useApiForm<F, R>({
    ...rest,
    submit: (values) => send({ orgId, workerId }, values),
    onSuccess: (result) => {
      qc.invalidateQueries({ queryKey: ['worker', orgId, workerId] });
      qc.invalidateQueries({ queryKey: ['workers', orgId] });
      onDone?.(result);
    },
  });
}
