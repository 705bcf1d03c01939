import { notifications } from '@mantine/notifications';

/** A green notification saying an action is done. */
export const notifyDone = (message: string) =>
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Fermer la notification' } });
