import { Button, type ButtonProps, Group, Stack, Text, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { longDay, parisClock, parisDay } from './time';

/**
 * Building blocks of the pages in plain words (FALC): big buttons whose whole text shows on a 360 px screen
 * (the label wraps instead of being cut), always with a pictogram, and lines of one idea with their pictogram.
 * `action` names what the button does: a block (data-falc-block) holds one action only (e2e/phone.test.ts).
 */
export function BigButton({
  icon: Icon,
  action,
  children,
  ...rest
}: ButtonProps & {
  icon: ComponentType<{ size?: number }>;
  action: string;
  children: ReactNode;
  onClick?: () => void;
  type?: 'button' | 'submit';
  component?: 'a';
  href?: string;
  'aria-describedby'?: string;
}) {
  return (
    <Button
      size="lg"
      fullWidth
      leftSection={<Icon size={26} />}
      data-action={action}
      justify="flex-start"
      styles={{
        root: { height: 'auto', minHeight: 56, paddingBlock: 10 },
        label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 },
      }}
      {...rest}
    >
      {children}
    </Button>
  );
}

/** One idea on one line, its pictogram first. */
export function Line({
  icon: Icon,
  children,
  strong,
}: {
  icon: ComponentType<{ size?: number }>;
  children: ReactNode;
  strong?: boolean;
}) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <Text component="span" c="blue.9" lh={1} mt={2}>
        <Icon size={24} />
      </Text>
      <Text size="lg" fw={strong ? 700 : 400}>
        {children}
      </Text>
    </Group>
  );
}

/** « Samedi 5 décembre »: the day of an instant, its first letter capitalised only. */
export const dayTitle = (instant: string) => {
  const d = longDay(parisDay(instant));
  return d.charAt(0).toUpperCase() + d.slice(1);
};

/** « De 08:00 à 12:00. » */
export const hours = (s: { start: string; end: string }) => `De ${parisClock(s.start)} à ${parisClock(s.end)}.`;

/** A titled block of a page: one job, one action (data-falc-block, checked by e2e/phone.test.ts). */
export function Block({
  id,
  icon: Icon,
  title,
  children,
}: {
  id: string;
  icon: ComponentType<{ size?: number }>;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} data-falc-block={id}>
      <Title order={2} size="h3" id={`${id}-title`} mb="xs">
        <Group gap={8} wrap="nowrap" component="span">
          <Icon size={26} />
          <span>{title}</span>
        </Group>
      </Title>
      <Stack gap="xs">{children}</Stack>
    </section>
  );
}
