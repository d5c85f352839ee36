import type { QcCheckOutcome } from '@core/workflow';
import { effectiveResult } from '@core/workflow';
import type { DeliverableEvidence, ReportInput } from '@core/deliverable';
import type { Checklist, Person, TimeEntries } from '@core/package';
import { keyIdSchema } from '@core/package';
import { z } from 'zod';
import type { ChartRecord, SubmissionInputs } from '../../db';

/** What the charts feature's spec carries for a report; anything else in the spec is kept as is. */
const chartTextSchema = z.looseObject({
  title: z.string().optional().catch(undefined),
  caption: z.string().optional().catch(undefined),
  sourceNote: z.string().optional().catch(undefined),
});

export function chartTexts(
  chart: ChartRecord,
  index: number,
): { title: string; caption: string; sourceNote: string } {
  const parsed = chartTextSchema.safeParse(chart.spec);
  const spec = parsed.success ? parsed.data : {};
  return {
    title: spec.title?.trim() || `Chart ${index + 1}`,
    caption: spec.caption ?? '',
    sourceNote: spec.sourceNote ?? '',
  };
}

const isIsoDateTime = (value: string | undefined): value is string =>
  value !== undefined && z.iso.datetime({ offset: true }).safeParse(value).success;

/**
 * qc/checklist.json as the analyst leaves it. An automatic item carries the state the app computed
 * (what the gate judged), not whatever was marked by hand.
 */
export function toChecklist(
  inputs: Pick<SubmissionInputs, 'task' | 'qcResults'>,
  automatic: Readonly<Record<string, QcCheckOutcome>> = {},
): Checklist {
  const results = new Map(inputs.qcResults.map((result) => [result.itemId, result]));
  return {
    items: inputs.task.checklist.map((item) => {
      const result = results.get(item.id);
      const evidence = (result?.evidence ?? []).filter((e) => e.trim() !== '');
      const outcome = item.automaticCheck ? automatic[item.automaticCheck] : undefined;
      return {
        id: item.id,
        text: item.text,
        severity: item.severity,
        evidenceRequired: item.evidenceRequired,
        ...(item.automaticCheck ? { automaticCheck: item.automaticCheck } : {}),
        result: effectiveResult(item, result, automatic),
        ...(result?.comment ? { comment: result.comment } : {}),
        ...(evidence.length > 0 ? { evidence } : {}),
        ...(result?.checkedBy && keyIdSchema.safeParse(result.checkedBy).success
          ? { checkedBy: result.checkedBy }
          : {}),
        ...(isIsoDateTime(result?.checkedAt) ? { checkedAt: result.checkedAt } : {}),
        ...(result?.justification.trim() ? { justification: result.justification } : {}),
        ...(outcome ? { automaticReasons: [...outcome.reasons] } : {}),
      };
    }),
  };
}

export function toTimeEntries(inputs: Pick<SubmissionInputs, 'timeEntries'>): TimeEntries {
  return {
    entries: inputs.timeEntries
      .filter((entry) => Math.round(entry.minutes) > 0 && keyIdSchema.safeParse(entry.person).success)
      .map((entry) => ({
        id: entry.id,
        person: entry.person,
        date: entry.date,
        minutes: Math.round(entry.minutes),
        activity: entry.origin === 'timer' ? 'timed work' : 'manual entry',
        ...(entry.note.trim() ? { note: entry.note } : {}),
      })),
  };
}

export interface RenderedAssets {
  chartPngs: ReadonlyMap<string, Uint8Array>;
  tableCsvs: ReadonlyMap<string, string>;
}

/** The plain content of one version, from the stored work and its rendered charts and tables. */
export function toReportInput(
  inputs: SubmissionInputs,
  assets: RenderedAssets,
  options: {
    task: ReportInput['task'];
    version: number;
    frozenAt: string;
    analyst?: Person;
    automatic?: Readonly<Record<string, QcCheckOutcome>>;
  },
): ReportInput {
  const charts = inputs.charts.map((chart, index) => {
    const png = assets.chartPngs.get(chart.id);
    if (!png) throw new Error(`Chart “${chartTexts(chart, index).title}” has no rendered image.`);
    return { id: chart.id, ...chartTexts(chart, index), spec: chart.spec, png };
  });
  const titles = new Map<string, string>([
    ...charts.map((c): [string, string] => [`chart:${c.id}`, c.title]),
    ...inputs.views.map((v): [string, string] => [`view:${v.id}`, v.name]),
    ...inputs.findings.map((f): [string, string] => [`finding:${f.id}`, f.title]),
    ...inputs.sources.map((s): [string, string] => [`source:${s.id}`, s.title]),
  ]);
  const answers = options.task.questions.map((question) => {
    const answer = inputs.answers.find((a) => a.questionNumber === question.number);
    const evidence: DeliverableEvidence[] = (answer?.evidence ?? []).map((ref) => {
      const title = titles.get(`${ref.kind}:${ref.id}`);
      return { kind: ref.kind, id: ref.id, ...(title !== undefined ? { title } : {}) };
    });
    return { questionNumber: question.number, question: question.text, text: answer?.text ?? '', evidence };
  });
  const tables = inputs.views.map((view) => {
    const csv = assets.tableCsvs.get(view.id);
    if (csv === undefined) throw new Error(`The table of view “${view.name}” was not exported.`);
    return { id: view.id, name: view.name, csv };
  });
  const sources = inputs.sources.map((source) => {
    const file = source.attachmentPath ? inputs.attachments.get(source.attachmentPath) : undefined;
    return {
      id: source.id,
      title: source.title,
      author: source.author,
      url: source.url,
      accessed: source.accessed,
      notes: source.notes,
      ...(file
        ? {
            attachment: {
              fileName: file.path.split('/').pop() ?? 'attachment',
              mediaType: file.mediaType,
              bytes: file.bytes,
            },
          }
        : {}),
    };
  });
  return {
    task: options.task,
    version: options.version,
    frozenAt: options.frozenAt,
    ...(options.analyst ? { analyst: options.analyst } : {}),
    answers,
    findings: inputs.findings.map(({ id, title, markdown }) => ({ id, title, markdown })),
    charts,
    tables,
    sources,
    checklist: toChecklist(inputs, options.automatic),
    timeEntries: toTimeEntries(inputs),
  };
}
