import type { TaskState } from '@core/workflow';
import { TASK_STATES } from '@core/workflow';
import type { TaskRecord } from '../../db';

export type TaskListShow = 'all' | 'received' | 'drafts' | 'sent';
export type TaskSortKey = 'due' | 'client' | 'state' | 'title';

export interface TaskListRow {
  task: TaskRecord;
  minutesLogged: number;
}

export interface TaskListFilter {
  show: TaskListShow;
  state: TaskState | '';
  client: string;
  text: string;
  sort: TaskSortKey;
  descending: boolean;
}

export const DEFAULT_FILTER: TaskListFilter = {
  show: 'all',
  state: '',
  client: '',
  text: '',
  sort: 'due',
  descending: false,
};

function belongs(task: TaskRecord, show: TaskListShow): boolean {
  if (show === 'received') return task.origin === 'received';
  if (show === 'drafts') return task.origin === 'authored' && task.state === 'draft';
  if (show === 'sent') return task.origin === 'authored' && task.state !== 'draft';
  return true;
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

function compare(a: TaskRecord, b: TaskRecord, key: TaskSortKey): number {
  switch (key) {
    case 'due':
      // Tasks without a due date go last either way round.
      if (a.due === '' || b.due === '') return a.due === b.due ? 0 : a.due === '' ? 1 : -1;
      return new Date(a.due).getTime() - new Date(b.due).getTime();
    case 'client':
      return compareText(a.client, b.client);
    case 'state':
      return TASK_STATES.indexOf(a.state) - TASK_STATES.indexOf(b.state);
    case 'title':
      return compareText(a.title, b.title);
  }
}

/** The rows the Inbox shows for a filter, in its order (ties by title, so the order is stable). */
export function filterTasks(rows: readonly TaskListRow[], filter: TaskListFilter): TaskListRow[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows
    .filter(({ task }) => belongs(task, filter.show))
    .filter(({ task }) => filter.state === '' || task.state === filter.state)
    .filter(({ task }) => filter.client === '' || task.client === filter.client)
    .filter(({ task }) => {
      const haystack = [task.title, task.client, task.brief, ...task.questions.map((q) => q.text)]
        .join('\n')
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => {
      const order = compare(a.task, b.task, filter.sort);
      const directed =
        filter.descending && !(filter.sort === 'due' && (a.task.due === '' || b.task.due === ''))
          ? -order
          : order;
      return directed !== 0 ? directed : compareText(a.task.title, b.task.title);
    });
}

export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '—';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
