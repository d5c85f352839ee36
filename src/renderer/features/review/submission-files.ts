import type { Checklist } from '@core/package';
import { CHECKLIST_FILE, checklistSchema } from '@core/package';
import { readJsonDocument, sectionTarget } from '@core/review';
import type { SubmissionRecord } from '../../db';

/** A stored version's files keyed as in a bag (`data/...`), so package readers apply unchanged. */
export function submissionBagFiles(submission: SubmissionRecord): Map<string, Uint8Array> {
  return new Map(Object.entries(submission.files).map(([path, bytes]) => [`data/${path}`, bytes]));
}

export function submissionChecklist(submission: SubmissionRecord): Checklist | null {
  try {
    return readJsonDocument(submissionBagFiles(submission), CHECKLIST_FILE, checklistSchema) ?? null;
  } catch {
    return null;
  }
}

export interface ReportSection {
  heading: string;
  /** The comment target: unique even where headings repeat (see sectionTarget). */
  target: string;
  text: string;
}

/**
 * Report sections by Markdown heading, for comments on one section at a time. A heading that
 * repeats (two findings with one title) gets its own target from its second occurrence on.
 */
export function reportSections(markdown: string): ReportSection[] {
  const sections: { heading: string; text: string }[] = [];
  let current = { heading: 'Introduction', text: '' };
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,3}\s+(.+)$/.exec(line);
    if (heading?.[1] !== undefined) {
      if (current.text.trim() !== '' || current.heading !== 'Introduction') sections.push(current);
      current = { heading: heading[1].trim(), text: `${line}\n` };
    } else {
      current.text += `${line}\n`;
    }
  }
  if (current.text.trim() !== '') sections.push(current);
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const occurrence = (seen.get(section.heading) ?? 0) + 1;
    seen.set(section.heading, occurrence);
    return { ...section, target: sectionTarget(section.heading, occurrence) };
  });
}
