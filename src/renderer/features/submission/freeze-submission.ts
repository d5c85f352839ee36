import type { DeliverableContent } from '@core/deliverable';
import { assembleDeliverable, composeReportMarkdown, deliverableDigest } from '@core/deliverable';
import type { Ed25519Sign } from '@core/minisign';
import type { AuditEvent, PackagePerson, Person, Signoff } from '@core/package';
import { createSignoff } from '@core/package';
import type { AuditHead, ChartRecord, SavedViewRecord, SubmissionsRepository } from '../../db';
import { errorMessage } from '../common/error-message';
import { chartTexts, toReportInput } from './deliverable-content';
import type { GateVerdict } from './submission-gate';
import { evaluateSubmissionGate } from './submission-gate';
import { toTaskDocument } from './task-document';
import type { QcOverview } from '../../db';
import { renderReportHtml } from './report/render-report-html';

export interface PrepareDeps {
  submissions: Pick<SubmissionsRepository, 'loadInputs'>;
  renderChartPng: (chart: ChartRecord) => Promise<Uint8Array>;
  exportViewCsv: (view: SavedViewRecord) => Promise<string>;
  /** The QC gate and automatic check outcomes, evaluated over the task's work as it is now. */
  qcOverview: (taskId: string) => Promise<Pick<QcOverview, 'automatic' | 'verdict'>>;
  /** Null where no PDF renderer exists; the package then carries the HTML report only. */
  renderPdf: (html: string) => Promise<Uint8Array | null>;
  now?: () => Date;
}

/**
 * Version N of a task's deliverable, assembled but not yet signed, stored or sent. What the Submit tab
 * previews (digest included) is exactly what is signed and saved: nothing is assembled again.
 */
export interface PreparedDeliverable {
  taskId: string;
  taskTitle: string;
  version: number;
  frozenAt: string;
  analyst: Person;
  people: PackagePerson[];
  gate: GateVerdict;
  content: DeliverableContent;
  /** Payload files (relative to data/) without the audit log and sign-offs, which come at signing. */
  files: Map<string, Uint8Array>;
  contentDigest: string;
  /** Where the task's log ended when the work was read: signing refuses if it has moved since. */
  auditHead: AuditHead;
}

/** Reads the task's work, renders charts, tables and the report, and assembles version N = task.version + 1. */
export async function prepareDeliverable(
  taskId: string,
  deps: PrepareDeps,
  options: { withPdf: boolean },
): Promise<PreparedDeliverable> {
  const inputs = await deps.submissions.loadInputs(taskId);
  const { profile } = inputs;
  if (!profile) throw new Error('Create your profile and signing key in Settings before submitting.');
  const task = toTaskDocument(inputs.task);
  const analyst: Person = {
    name: profile.displayName,
    keyId: profile.keyId,
    ...(profile.email ? { email: profile.email } : {}),
  };
  const chartPngs = new Map<string, Uint8Array>();
  for (const [index, chart] of inputs.charts.entries()) {
    try {
      chartPngs.set(chart.id, await deps.renderChartPng(chart));
    } catch (error) {
      throw new Error(
        `Chart “${chartTexts(chart, index).title}” could not be rendered: ${errorMessage(error)}`,
      );
    }
  }
  const tableCsvs = new Map<string, string>();
  for (const view of inputs.views) {
    try {
      tableCsvs.set(view.id, await deps.exportViewCsv(view));
    } catch (error) {
      throw new Error(`The table of view “${view.name}” could not be exported: ${errorMessage(error)}`);
    }
  }
  const version = inputs.task.version + 1;
  const frozenAt = (deps.now?.() ?? new Date()).toISOString();
  const qc = await deps.qcOverview(taskId);
  const reportInput = toReportInput(
    inputs,
    { chartPngs, tableCsvs },
    { task, version, frozenAt, analyst, automatic: qc.automatic },
  );
  const reportHtml = renderReportHtml(reportInput);
  const reportPdf = options.withPdf ? await deps.renderPdf(reportHtml) : null;
  const { auditHead } = inputs;
  const content: DeliverableContent = {
    ...reportInput,
    reportMarkdown: composeReportMarkdown(reportInput),
    reportHtml,
    ...(reportPdf ? { reportPdf } : {}),
    // The manifest pins the log as it was read; signing refuses if it has moved on since.
    ...(auditHead.seq > 0 ? { auditHead: { events: auditHead.seq, hash: auditHead.hash } } : {}),
  };
  const files = assembleDeliverable(content);
  const people: PackagePerson[] = [
    { role: 'coordinator', ...task.people.coordinator },
    { role: 'analyst', ...analyst },
    ...(task.people.reviewer ? [{ role: 'reviewer' as const, ...task.people.reviewer }] : []),
  ];
  return {
    taskId,
    taskTitle: task.title,
    version,
    frozenAt,
    analyst,
    people,
    gate: evaluateSubmissionGate(inputs.task, qc.verdict),
    content,
    files,
    contentDigest: deliverableDigest(files),
    auditHead,
  };
}

export function attestationStatement(name: string, version: number, title: string): string {
  return (
    `I, ${name}, attest that this deliverable version ${version} of “${title}” is my work, ` +
    'complete and checked against the QC checklist, and that the content digest it carries identifies ' +
    'exactly what I submit.'
  );
}

export interface FrozenSubmission {
  /** Every payload file of the submission package, keyed relative to data/. */
  files: Map<string, Uint8Array>;
  contentDigest: string;
  signoff: Signoff;
  /** The `submission.frozen` event as packaged; stored when the package is saved. */
  frozenEvent: AuditEvent;
}

/**
 * Signs the analyst's attestation over the content digest and adds the audit log (ending in the
 * `submission.frozen` event) and signoffs.json. Nothing is stored: the caller commits after saving.
 */
export async function freezeSubmission(
  prepared: PreparedDeliverable,
  deps: {
    submissions: Pick<SubmissionsRepository, 'prepareFrozenEvent'>;
    signer: { keyId: Uint8Array; sign: Ed25519Sign };
  },
): Promise<FrozenSubmission> {
  if (!prepared.gate.allowed)
    throw new Error(`This version cannot be submitted: ${prepared.gate.reasons.join(' ')}`);
  const { contentDigest, version } = prepared;
  const { events, event } = await deps.submissions.prepareFrozenEvent(
    prepared.taskId,
    { version, contentDigest },
    new Date(prepared.frozenAt),
    prepared.auditHead,
  );
  const signoff = await createSignoff(
    {
      role: 'analyst',
      signer: { name: prepared.analyst.name },
      date: prepared.frozenAt,
      contentDigest,
      statement: attestationStatement(prepared.analyst.name, version, prepared.taskTitle),
    },
    deps.signer,
  );
  const files = assembleDeliverable({
    ...prepared.content,
    auditEvents: events,
    signoffs: { signoffs: [signoff] },
  });
  if (deliverableDigest(files) !== contentDigest)
    throw new Error('The deliverable changed while it was being signed.');
  return { files, contentDigest, signoff, frozenEvent: event };
}
