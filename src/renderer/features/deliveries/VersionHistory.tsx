import { List, Text } from '@mantine/core';
import { STATE_LABELS, isTaskState } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';

const DECISIONS = new Set([
  'submitted',
  'changes_requested',
  'approved',
  'delivered',
  'accepted',
  'rejected',
]);

/** Each submission, review and decision of a task, with who and when, from its audit log. */
export function VersionHistory({ taskId }: { taskId: string }) {
  const data = useLiveQuery(async () => {
    const [task, log, profile, trusted] = await Promise.all([
      repositories.tasks.get(taskId),
      repositories.tasks.auditLog(taskId),
      repositories.identity.getProfile(),
      repositories.trustedKeys.verificationKeys(),
    ]);
    const names = new Map<string, string>();
    for (const key of trusted) if (key.name) names.set(key.keyId, key.name);
    for (const person of [task?.coordinator, task?.analyst, task?.reviewer]) {
      if (person) names.set(person.keyId, person.name);
    }
    if (profile) names.set(profile.keyId, profile.displayName);
    return { task, events: log.events, names };
  }, [taskId]);
  if (!data) return null;
  const who = (actor: string, named: unknown) =>
    data.names.get(actor) ?? (typeof named === 'string' && named !== '' ? named : actor);
  const entries = data.events.flatMap((event) => {
    const to = event.type === 'task.state-changed' ? event.data['to'] : undefined;
    // A move a received package implied is the sender's: its actor is their key, named in the event.
    const actor = who(event.actor, event.data['senderName']);
    if (isTaskState(to) && DECISIONS.has(to)) {
      const version =
        typeof event.data['version'] === 'number' ? ` (version ${String(event.data['version'])})` : '';
      const why = event.data['reason'] ?? event.data['comments'];
      const reason = typeof why === 'string' && why.trim() !== '' ? `: ${why}` : '';
      return [{ seq: event.seq, at: event.at, text: `${STATE_LABELS[to]}${version}${reason}`, actor }];
    }
    if (event.type === 'package.received' && typeof event.data['kind'] === 'string') {
      return [{ seq: event.seq, at: event.at, text: `Received ${event.data['kind']} package`, actor }];
    }
    return [];
  });
  if (entries.length === 0) return <Text size="sm">No submissions or decisions yet.</Text>;
  return (
    <List size="sm" aria-label={`Version history of ${data.task?.title ?? taskId}`}>
      {entries.map((entry) => (
        <List.Item key={entry.seq}>
          {new Date(entry.at).toLocaleString()}: {entry.text}, by {entry.actor}
        </List.Item>
      ))}
    </List>
  );
}
