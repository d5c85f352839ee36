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
  AutomaticCheckId,
  QcCheckOutcome,
  SnapshotAnswer,
  SnapshotChart,
  SnapshotDataset,
  SnapshotFinding,
  SnapshotQuestion,
  WorkspaceSnapshot,
} from './qc-checks';
export {
  AUTOMATIC_CHECK_IDS,
  AUTOMATIC_CHECK_LABELS,
  chartHasAxes,
  everyChartLabelled,
  everyDatasetProfiled,
  everyFindingCitesEvidence,
  everyQuestionAnswered,
  isAutomaticCheckId,
  runAutomaticCheck,
  timeLogged,
} from './qc-checks';
export type { GateInput, GateItem, GateResult, GateVerdict, QcItemResult } from './submission-gate';
export { checkSubmissionGate, danglingEvidence, effectiveResult } from './submission-gate';
export type {
  TaskDocumentChecklistItem,
  TaskDocumentInput,
  TaskDocumentPerson,
  TaskDocumentProblem,
  TaskDocumentResult,
} from './task-document';
export { toTaskDocument } from './task-document';
