import { Alert, Badge, Code, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import type { AuditChainProblem, AuditEvent } from '@core/package';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useReadableTextColor } from '../common/readable-color';
import { describeEvent } from './describe-event';

function EventItem(props: {
  event: AuditEvent;
  who: string;
  broken: string[];
  describeTarget?: ((target: string) => string) | undefined;
}) {
  const { event, who, broken } = props;
  const readableText = useReadableTextColor();
  return (
    <Stack gap={2} aria-label={`Event ${event.seq}`} role="group">
      <Text size="sm" fw={500}>
        {describeEvent(event, props.describeTarget)}
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
        <Text key={message} size="xs" c={readableText('red')}>
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

/**
 * A hash-chained audit log as a timeline of readable sentences with who did what, and a clear
 * alert where the chain is broken. The analyst's Audit tab and the client's view both show this.
 */
export function AuditTimeline(props: {
  events: readonly AuditEvent[];
  problems: readonly AuditChainProblem[];
  names: ReadonlyMap<string, string>;
  describeTarget?: (target: string) => string;
}) {
  const { events, problems, names } = props;
  if (events.length === 0) return <Text c="dimmed">No events recorded for this task yet.</Text>;

  const first = problems[0];
  const firstEvent = first ? events[first.line - 1] : undefined;
  const brokenAt = (index: number) => problems.filter((p) => p.line === index + 1).map((p) => p.message);

  return (
    <Stack gap="md">
      {first ? (
        <Alert
          color={'red'}
          role="alert"
          icon={<IconAlertTriangle size={18} />}
          title="The audit log has been tampered with"
        >
          The chain breaks at event {firstEvent?.seq ?? '?'} (position {first.line} of {events.length}):{' '}
          {first.message}.{problems.length > 1 && ` ${problems.length - 1} more problem(s) follow.`} Events
          from there on cannot be trusted.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {events.length} events; the hash chain is intact.
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <Timeline bulletSize={14} lineWidth={2} aria-label="Audit timeline">
          {events.map((event, index) => (
            <Timeline.Item
              key={`${event.seq}-${event.hash}`}
              color={brokenAt(index).length > 0 ? 'red' : undefined}
            >
              <EventItem
                event={event}
                who={names.get(event.actor) ?? `key ${event.actor}`}
                broken={brokenAt(index)}
                describeTarget={props.describeTarget}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}
