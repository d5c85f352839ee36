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
export { billableCsv } from './billable-csv';
