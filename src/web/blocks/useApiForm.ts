import { type FormEvent, useCallback, useState } from 'react';
import { ApiError } from '../api';

/** A value from a Mantine input's onChange: an event for text inputs, the value itself for Select, NumberInput… */
type ChangeArg = { currentTarget: { value: string } } | unknown;
const inputValue = (arg: ChangeArg) =>
  arg &&
  typeof arg === 'object' &&
  'currentTarget' in arg &&
  arg.currentTarget &&
  'value' in (arg.currentTarget as object)
    ? (arg.currentTarget as { value: string }).value
    : arg;

export type UseApiFormOptions<F, R> = {
  initial: F;
  /** Sends the form; an ApiError with API.md's `details` puts each message next to its field. */
  submit: (values: F) => Promise<R>;
  /** Checks made before sending (a confirmation that differs): field path → message; nothing is sent when any. */
  validate?: (values: F) => Record<string, string | undefined>;
  onSuccess?: (result: R, values: F) => void;
  /** Empty the form after a success (a password changed); by default the input stays. */
  resetOnSuccess?: boolean;
};

/**
 * The one way a page runs a form against the API (docs/decisions/014-web-blocks.md): bound fields, the server's
 * field errors shown next to their field (API.md: `details: [{ path, message }]`, "jobs.0.headcount"), the other
 * errors in one alert, and the input kept on error so that nothing typed is lost.
 *
 *   const form = useApiForm({ initial: { name: '' }, submit: (v) => api(…, { body: v }) });
 *   <form onSubmit={form.onSubmit} noValidate>
 *     <ErrorAlert error={form.alertError} />
 *     <TextInput label="Nom" {...form.field('name')} />
 */
export function useApiForm<F extends Record<string, unknown>, R = unknown>(options: UseApiFormOptions<F, R>) {
  const { initial, submit, validate, onSuccess, resetOnSuccess } = options;
  const [values, setValues] = useState<F>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [succeeded, setSucceeded] = useState(false);

  const set = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  }, []);

  /** Props for a Mantine input bound to one key: value, onChange and the error at that path. */
  const field = <K extends keyof F & string>(key: K) => ({
    value: values[key] as F[K] & {},
    onChange: (arg: ChangeArg) => set(key, inputValue(arg) as F[K]),
    error: fieldErrors[key],
  });

  /** Props for a Mantine Checkbox or Switch bound to a boolean key. */
  const checkbox = <K extends keyof F & string>(key: K) => ({
    checked: Boolean(values[key]),
    onChange: (e: { currentTarget: { checked: boolean } }) => set(key, e.currentTarget.checked as F[K]),
    error: fieldErrors[key],
  });

  /** The message for a nested path ("jobs.0.headcount"), for inputs bound by hand. */
  const errorAt = (path: string): string | undefined => fieldErrors[path];

  /** Checks and sends `sent` (the form's values, or the next ones given to submitValues). */
  const send = async (sent: F) => {
    const local = Object.fromEntries(Object.entries(validate?.(sent) ?? {}).filter(([, m]) => m)) as Record<
      string,
      string
    >;
    setFieldErrors(local);
    setError(null);
    setSucceeded(false);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const result = await submit(sent);
      setSucceeded(true);
      if (resetOnSuccess) setValues(initial);
      onSuccess?.(result, sent);
    } catch (e) {
      setError(e);
      setFieldErrors(e instanceof ApiError ? e.fieldErrors : {});
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    await send(values);
  };

  /** Sets these values and sends them at once: a choice that acts as soon as it is made (a status, a new file). */
  const submitValues = async (next: F) => {
    setValues(next);
    await send(next);
  };

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    values,
    set,
    setValues,
    field,
    checkbox,
    errorAt,
    fieldErrors,
    /** The error to show in the form's alert: none when every message already stands next to its field. */
    alertError: hasFieldErrors ? null : error,
    error,
    busy,
    succeeded,
    onSubmit,
    submitValues,
    reset: () => {
      setValues(initial);
      setFieldErrors({});
      setError(null);
      setSucceeded(false);
    },
  };
}

export type ApiForm<F extends Record<string, unknown>> = ReturnType<typeof useApiForm<F>>;
