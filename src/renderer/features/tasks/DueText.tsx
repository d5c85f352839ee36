import { Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dueCountdown } from './due-countdown';

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, 60_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** A due date with its countdown; overdue in a red dark enough (light) or light enough (dark) for AA. */
export function DueText(props: { due: string; withDate?: boolean }) {
  const now = useMinuteClock();
  const scheme = useComputedColorScheme('light');
  const { text, overdue } = dueCountdown(props.due, now);
  const date = props.withDate !== false && props.due ? new Date(props.due).toLocaleString() : '';
  return (
    <Text
      span
      size="sm"
      data-testid="due"
      data-overdue={overdue}
      fw={overdue ? 600 : undefined}
      c={overdue ? (scheme === 'dark' ? 'red.3' : 'red.9') : undefined}
    >
      {date ? `${date} · ${text}` : text}
    </Text>
  );
}
