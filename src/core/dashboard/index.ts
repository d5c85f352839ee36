// Deliveries dashboard (issue 6): metrics from tasks, their audit events and time entries.
export type {
  ClientMetrics,
  DashboardEvent,
  DashboardMetrics,
  DashboardTask,
  DashboardTimeEntry,
  TaskMetrics,
  WeekMetrics,
} from './metrics';
export { computeDashboard, weekOf } from './metrics';
export type { LocalTimeEntry, ReceivedTimeSet } from './time-sources';
export { mergeTimeEntries } from './time-sources';
export { billableCsv } from './billable-csv';
