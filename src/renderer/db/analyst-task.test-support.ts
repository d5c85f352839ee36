import type { TaskRecord } from './records';

/** A received task with two questions, in a state the analyst works in unless told otherwise. */
export function analystTask(state: TaskRecord['state'] = 'in_progress'): TaskRecord {
  return {
    id: 'task-1',
    origin: 'received',
    state,
    title: 'Market sizing',
    client: 'Northwind',
    brief: '',
    questions: [
      { number: 1, text: 'How big is the market?' },
      { number: 2, text: 'Who leads it?' },
    ],
    due: '',
    priority: 'normal',
    estimateHours: 4,
    datasets: [],
    checklistName: '',
    checklist: [],
    version: 0,
    createdAt: '2026-11-25T00:00:00.000Z',
    updatedAt: '2026-11-25T00:00:00.000Z',
  };
}
