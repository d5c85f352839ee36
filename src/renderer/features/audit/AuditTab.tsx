import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { AuditTimeline } from './AuditTimeline';
import { loadKeyNames } from './key-names';

/** The task's hash-chained audit log as a timeline, with a clear alert where the chain is broken. */
export function AuditTab({ task }: TaskTabProps) {
  const log = useLiveQuery(async () => repositories.tasks.auditLog(task.id), [task]);
  const names = useLiveQuery(
    async () => loadKeyNames([task.coordinator, task.analyst, task.reviewer]),
    [task],
  );
  if (!log || !names) return null;
  return <AuditTimeline events={log.events} problems={log.problems} names={names} />;
}
