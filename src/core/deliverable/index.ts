// A frozen deliverable version (DESIGN.md §5): its file layout under data/, the JSON documents'
// schemas, and the pure assemble/read pair that the analyst, reviewer and client share.
export * from './layout';
export type {
  ChartDocument,
  DeliverableAnswer,
  DeliverableEvidence,
  DeliverableManifest,
  DeliverableSource,
  ManifestItem,
} from './schemas';
export {
  answersDocumentSchema,
  chartDocumentSchema,
  DELIVERABLE_FORMAT,
  manifestItemSchema,
  manifestSchema,
  sourcesDocumentSchema,
} from './schemas';
export type {
  DeliverableChart,
  DeliverableContent,
  DeliverableFinding,
  DeliverableSourceInput,
  DeliverableTable,
  ReportInput,
} from './content';
export { assembleDeliverable, DeliverableAssemblyError, deliverableDigest } from './assemble';
export type { DeliverableProblem, ReadDeliverable, ReadDeliverableResult } from './read';
export { readDeliverable } from './read';
export { reportInputOf } from './report-input';
export { composeReportMarkdown, rewriteKpoLinks } from './report-markdown';
export { formatMinutes, qcSummary, timeSummary } from './summaries';
export type { QcSummary, TimeSummary } from './summaries';
