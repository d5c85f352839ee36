import type { AuditEvent, Checklist, FrozenAuditHead, Person, Signoffs, Task, TimeEntries } from '../package';
import type { DeliverableAnswer, DeliverableSource } from './schemas';

export interface DeliverableFinding {
  id: string;
  title: string;
  markdown: string;
}

export interface DeliverableChart {
  id: string;
  title: string;
  caption: string;
  sourceNote: string;
  spec: unknown;
  png: Uint8Array;
}

/** A result table: a saved view referenced as evidence or in a finding, exported as CSV. */
export interface DeliverableTable {
  id: string;
  name: string;
  csv: string;
}

export interface DeliverableSourceInput extends Omit<DeliverableSource, 'attachment'> {
  attachment?: { fileName: string; mediaType: string; bytes: Uint8Array };
}

/** Everything one frozen version is made of, as plain values (no database, no DOM). */
export interface DeliverableContent {
  task: Task;
  version: number;
  frozenAt: string;
  analyst?: Person;
  answers: DeliverableAnswer[];
  findings: DeliverableFinding[];
  charts: DeliverableChart[];
  tables: DeliverableTable[];
  sources: DeliverableSourceInput[];
  reportMarkdown: string;
  reportHtml: string;
  /** Absent where no PDF renderer exists (browser mode). */
  reportPdf?: Uint8Array;
  checklist: Checklist;
  timeEntries: TimeEntries;
  /**
   * Where the task's audit log ended when the work was read (absent if it was empty). The manifest
   * records it, so the sign-offs pin the events the version was frozen with; the `submission.frozen`
   * event and anything after it follow in `auditEvents`.
   */
  auditHead?: FrozenAuditHead;
  /** Written outside deliverable/, so they do not change the content digest. */
  auditEvents?: readonly AuditEvent[];
  signoffs?: Signoffs;
}

/** What a report is rendered from: the content without the report itself or what is added after. */
export type ReportInput = Omit<
  DeliverableContent,
  'reportMarkdown' | 'reportHtml' | 'reportPdf' | 'auditHead' | 'auditEvents' | 'signoffs'
>;
