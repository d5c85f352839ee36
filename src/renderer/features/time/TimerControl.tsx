import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { formatElapsed, formatMinutes } from './format-duration';

function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  return (
    <Text size="sm" ff="monospace" aria-label="Timer elapsed">
      {formatElapsed(now - new Date(since).getTime())}
    </Text>
  );
}

/** Start and stop the task's timer; the start time is stored, so a running timer survives a reload. */
export function TimerControl({ task, readOnly }: { task: TaskRecord; readOnly: boolean }) {
  const running = useLiveQuery(async () => (await repositories.timeEntries.runningTimer()) ?? null, []);
  const elsewhere = running && running.id !== task.id ? running : undefined;

  const run = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (caught) {
      notifications.show({
        color: 'red',
        title: `Could not ${what} the timer`,
        message: errorMessage(caught),
      });
    }
  };

  if (task.timerStartedAt) {
    const since = task.timerStartedAt;
    return (
      <Group>
        <Button
          color="red.9"
          leftSection={<IconPlayerStop size={16} />}
          onClick={() => {
            void run('stop', async () => {
              const entries = await repositories.timeEntries.stopTimer(task.id);
              const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
              notifications.show({
                message:
                  minutes > 0 ? `Logged ${formatMinutes(minutes)}.` : 'Less than a minute: nothing logged.',
              });
            });
          }}
        >
          Stop timer
        </Button>
        <Text size="sm">Running since {new Date(since).toLocaleTimeString()}</Text>
        <Elapsed since={since} />
      </Group>
    );
  }
  return (
    <Group>
      <Button
        leftSection={<IconPlayerPlay size={16} />}
        disabled={readOnly}
        onClick={() => {
          void run('start', async () => repositories.timeEntries.startTimer(task.id));
        }}
      >
        Start timer
      </Button>
      {elsewhere && !readOnly && (
        <Text size="sm" c="dimmed">
          The timer runs on “{elsewhere.title || 'another task'}”; starting here stops it and logs its time.
        </Text>
      )}
    </Group>
  );
}
