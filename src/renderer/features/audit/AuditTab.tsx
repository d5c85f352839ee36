import { Alert, Badge, Code, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import type { AuditEvent } from '@core/package';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { useReadableColor } from '../qc/readable-color';
import { describeEvent } from './describe-event';

/** Key id → who, from this installation's profile, the trust list and the people the task names. */
async function loadNames(task: TaskRecord): Promise<Map<string, string>> {
  const [profile, trusted] = await Promise.all([
    repositories.identity.getProfile(),
    repositories.trustedKeys.list(),
  ]);
  const names = new Map<string, string>();
  for (const person of [task.coordinator, task.analyst, task.reviewer]) {
    if (person) names.set(person.keyId, person.name);
  }
  for (const key of trusted) names.set(key.keyId, key.name);
  if (profile) names.set(profile.keyId, `${profile.displayName} (you)`);
  return names;
}

function EventItem({ event, who, broken }: { event: AuditEvent; who: string; broken: string[] }) {
  const readable = useReadableColor();
  return (
    <Stack gap={2} aria-label={`Event ${event.seq}`} role="group">
      <Text size="sm" fw={500}>
        {describeEvent(event)}
      </Text>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> · {who}
        </Text>
        <Code title={`hash ${event.hash}`}>
          #{event.seq} {event.hash.slice(0, 12)}
        </Code>
        {broken.length > 0 && <Badge color="red.9">Chain broken here</Badge>}
      </Group>
      {broken.map((message) => (
        <Text key={message} size="xs" c={readable('red', 'text')}>
          {message}
        </Text>
      ))}
      <details>
        <summary>
          <Text span size="xs">
            Raw data ({event.type})
          </Text>
        </summary>
        <Code block>{JSON.stringify(event.data, null, 2)}</Code>
      </details>
    </Stack>
  );
}

/** The task's hash-chained audit log as a timeline, with a clear alert where the chain is broken. */
export function AuditTab({ task }: TaskTabProps) {
  const readable = useReadableColor();
  const log = useLiveQuery(async () => repositories.tasks.auditLog(task.id), [task]);
  const names = useLiveQuery(async () => loadNames(task), [task]);
  if (!log || !names) return null;
  if (log.events.length === 0) return <Text c="dimmed">No events recorded for this task yet.</Text>;

  const first = log.problems[0];
  const firstEvent = first ? log.events[first.line - 1] : undefined;
  const brokenAt = (index: number) => log.problems.filter((p) => p.line === index + 1).map((p) => p.message);

  return (
    <Stack gap="md">
      {first ? (
        <Alert
          color={readable('red')}
          role="alert"
          icon={<IconAlertTriangle size={18} />}
          title="The audit log has been tampered with"
        >
          The chain breaks at event {firstEvent?.seq ?? '?'} (position {first.line} of {log.events.length}):{' '}
          {first.message}.{log.problems.length > 1 && ` ${log.problems.length - 1} more problem(s) follow.`}{' '}
          Events from there on cannot be trusted.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {log.events.length} events; the hash chain is intact.
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <Timeline bulletSize={14} lineWidth={2} aria-label="Audit timeline">
          {log.events.map((event, index) => (
            <Timeline.Item
              key={`${event.seq}-${event.hash}`}
              color={brokenAt(index).length > 0 ? 'red' : undefined}
            >
              <EventItem
                event={event}
                who={names.get(event.actor) ?? `key ${event.actor}`}
                broken={brokenAt(index)}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}
