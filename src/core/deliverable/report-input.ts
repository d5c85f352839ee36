import type { ReportInput } from './content';
import type { ReadDeliverable } from './read';

/**
 * What the report was rendered from, rebuilt from a deliverable read back from its files, so a
 * receiver can render (print) the same report. Null where the deliverable lacks the task, checklist
 * or time entries the report shows.
 */
export function reportInputOf(deliverable: ReadDeliverable): ReportInput | null {
  const { task, checklist, timeEntries, manifest } = deliverable;
  if (!task || !checklist || !timeEntries) return null;
  return {
    task,
    version: manifest.version,
    frozenAt: manifest.frozenAt,
    ...(manifest.analyst ? { analyst: manifest.analyst } : {}),
    answers: deliverable.answers,
    findings: deliverable.findings.map((finding) => ({
      id: finding.id ?? finding.path,
      title: finding.title,
      markdown: finding.markdown,
    })),
    charts: deliverable.charts.map(({ id, title, caption, sourceNote, spec, png }) => ({
      id,
      title,
      caption,
      sourceNote,
      spec,
      png,
    })),
    tables: deliverable.tables.map(({ id, name, csv }) => ({ id, name, csv })),
    sources: deliverable.sources.map(({ attachment, attachmentBytes, ...source }) => ({
      ...source,
      ...(attachment && attachmentBytes
        ? {
            attachment: {
              fileName: attachment.fileName,
              mediaType: attachment.mediaType,
              bytes: attachmentBytes,
            },
          }
        : {}),
    })),
    checklist,
    timeEntries,
  };
}
