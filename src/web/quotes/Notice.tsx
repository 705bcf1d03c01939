import { Alert, type AlertProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** An Alert whose title is in the text colour (AA contrast whatever the colour of the box). */
export function Notice(props: AlertProps & { children?: ReactNode }) {
  return <Alert {...props} styles={{ title: { color: 'var(--mantine-color-text)' } }} />;
}
