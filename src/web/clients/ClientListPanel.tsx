import { Button, Grid, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { DataTable, type DataTableProps } from '../blocks/DataTable';
import { ErrorAlert } from '../shell/ui';

/**
 * A tab of the client's page that lists records and adds one (sites, contacts): the list, then — for who may
 * write the client — the add form, its fields on one row on a wide screen with its button at the end.
 */
export function ClientListPanel<T>({
  list,
  form,
  title,
  submitLabel,
  children,
}: {
  list: DataTableProps<T>;
  /** The add form (useApiForm), or null when the user may not write the client. */
  form: { onSubmit: (e?: FormEvent) => void; alertError: unknown; busy: boolean } | null;
  title?: string;
  submitLabel: string;
  /** The form's fields, each in its `Grid.Col`. */
  children: ReactNode;
}) {
  return (
    <Stack>
      <DataTable {...list} />
      {form && (
        <form onSubmit={form.onSubmit} noValidate>
          {title && (
            <Title order={2} size="h4" mb="xs">
              {title}
            </Title>
          )}
          <ErrorAlert error={form.alertError} />
          <Grid align="flex-end">
            {children}
            <Grid.Col span={{ base: 12, md: 'auto' }}>
              <Button type="submit" loading={form.busy}>
                {submitLabel}
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}
