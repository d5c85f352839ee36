import { notifications } from '@mantine/notifications';

/** A notification whose close button has a name screen readers can announce (Mantine's has none). */
export function notify(color: 'red' | 'green', message: string, title?: string): void {
  notifications.show({
    color,
    message,
    ...(title ? { title } : {}),
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
  });
}
