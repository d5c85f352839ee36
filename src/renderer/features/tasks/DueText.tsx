import { Text, useComputedColorScheme } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { dueStatus, handedInKind } from './due-countdown';

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

/**
 * A task's due date with its countdown while the work is being done (overdue in a red dark enough
 * (light) or light enough (dark) for AA), or, once handed in, when that was against the due date.
 */
export function DueText(props: {
  task: Pick<TaskRecord, 'id' | 'due' | 'state' | 'version'>;
  withDate?: boolean;
}) {
  const { id, due, state, version } = props.task;
  const now = useMinuteClock();
  const scheme = useComputedColorScheme('light');
  const kind = handedInKind(state);
  const handedIn = useLiveQuery(
    async () => (kind ? repositories.submissions.handedIn(id, kind) : undefined),
    [id, kind, version],
  );
  const { text, overdue } = dueStatus({ due, state }, now, handedIn);
  const date = props.withDate !== false && due ? new Date(due).toLocaleString() : '';
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
