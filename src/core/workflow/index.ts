// The task workflow (DESIGN.md §7): the state machine, QC rules and the submission gate.
export type { TaskState, TaskTransition, WorkflowRole } from './task-state';
export {
  checkTransition,
  findTransition,
  isAnalystEditable,
  isBriefEditable,
  isFinal,
  isTaskState,
  STATE_LABELS,
  TASK_STATES,
  TASK_TRANSITIONS,
  WORKFLOW_ROLES,
  WorkflowError,
} from './task-state';
export type {
  TaskDocumentChecklistItem,
  TaskDocumentInput,
  TaskDocumentPerson,
  TaskDocumentProblem,
  TaskDocumentResult,
} from './task-document';
export { toTaskDocument } from './task-document';
