import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api';

/** The page's one h1 and its main action, where the eye lands (UX.md). */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" mt={4}>
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

/** An error from the API as a sentence; field details stay next to their fields. */
export function ErrorAlert({ error, title = 'Action impossible' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message =
    error instanceof ApiError ? error.message : 'Une erreur inattendue est survenue. Réessayez dans un instant.';
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      {message}
    </Alert>
  );
}

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" />
      <Text c="dimmed">{label}</Text>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" ta="center" py="xl">
      {children}
    </Text>
  );
}

/**
 * Filters kept in the URL (UX.md: a filtered list can be shared and survives a reload).
 * Returns the current values and a setter that merges and drops empty values.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const set = (patch: Partial<Record<K, string | null | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch) as [string, string | null | undefined][]) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return [values, set] as const;
}

/** A button that asks first, naming the consequence (UX.md: nothing irreversible by accident). */
const wrapLabel = {
  root: { height: 'auto', minHeight: 'var(--button-height)', maxWidth: '100%' },
  label: { whiteSpace: 'normal', textAlign: 'center', paddingBlock: 4 },
} as const;

export function ConfirmButton({
  children,
  consequence,
  confirmLabel,
  onConfirm,
  color,
  ...rest
}: {
  children: ReactNode;
  consequence: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | unknown;
  color?: string;
  variant?: string;
  size?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      {/* A long label (« Clore novembre 2026 avant la fin du mois ») wraps on a 360 px phone instead of being cut. */}
      <Button color={color} {...(rest as object)} styles={wrapLabel} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Confirmer" centered>
        <Stack>
          <Text>{consequence}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Annuler
            </Button>
            <Button
              color={color}
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onConfirm();
                  setOpen(false);
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Binds text inputs to the keys of a form object: `<TextInput {...text('host')} />` gives the value and the
 * change handler that copies the form with that key changed.
 */
export function textFields<F extends object>(form: F, setForm: (form: F) => void) {
  return (key: { [K in keyof F]: F[K] extends string ? K : never }[keyof F]) => ({
    value: form[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
  });
}
