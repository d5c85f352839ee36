import type { z } from 'zod';
import { checkAuditChain } from './audit-chain';
import { DELIVERABLE_MANIFEST } from './frozen-records';
import { schemaFindings } from './json-path';
import { acceptanceSchema } from './schemas/acceptance';
import { auditEventSchema } from './schemas/audit-event';
import { checklistSchema } from './schemas/checklist';
import { reviewCommentsSchema } from './schemas/review-comments';
import { signoffsSchema } from './schemas/signoffs';
import { taskSchema } from './schemas/task';
import { timeEntriesSchema } from './schemas/time-entries';
import type { AuditEvent } from './schemas/audit-event';
import type { PackageFinding, PackageKind } from './types';

export const TASK_FILE = 'data/task.json';
export const CHECKLIST_FILE = 'data/qc/checklist.json';
export const SIGNOFFS_FILE = 'data/signoffs.json';
export const REVIEW_COMMENTS_FILE = 'data/review/comments.json';
export const TIME_ENTRIES_FILE = 'data/time/entries.json';
export const AUDIT_LOG_FILE = 'data/audit/events.jsonl';
export const RO_CRATE_FILE = 'data/ro-crate-metadata.json';
export const DATAPACKAGE_FILE = 'data/datapackage.json';
/** What a frozen version is made of; it records the frozen documents outside deliverable/ too. */
export const DELIVERABLE_MANIFEST_FILE = `data/${DELIVERABLE_MANIFEST}`;
/** The client's signed decision, in acceptance packages. */
export const ACCEPTANCE_FILE = 'data/acceptance.json';

const JSON_DOCUMENTS: readonly (readonly [string, z.ZodType])[] = [
  [TASK_FILE, taskSchema],
  [CHECKLIST_FILE, checklistSchema],
  [SIGNOFFS_FILE, signoffsSchema],
  [REVIEW_COMMENTS_FILE, reviewCommentsSchema],
  [TIME_ENTRIES_FILE, timeEntriesSchema],
  [ACCEPTANCE_FILE, acceptanceSchema],
];

/** What each kind of hand-off cannot do without; other known documents are checked when present. */
const REQUIRED_BY_KIND: Readonly<Record<PackageKind, readonly string[]>> = {
  task: [TASK_FILE],
  submission: [TASK_FILE, DELIVERABLE_MANIFEST_FILE],
  review: [TASK_FILE],
  deliverable: [TASK_FILE, DELIVERABLE_MANIFEST_FILE],
  acceptance: [TASK_FILE],
};

const RULE = 'KPO §5 payload schema';
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Checks every kind-specific document against its schema; findings name the file and JSON path. */
export function validatePayloadDocuments(
  files: ReadonlyMap<string, Uint8Array>,
  kind: PackageKind,
): PackageFinding[] {
  const findings: PackageFinding[] = [];
  for (const required of [RO_CRATE_FILE, DATAPACKAGE_FILE, ...REQUIRED_BY_KIND[kind]]) {
    if (!files.has(required)) {
      findings.push({
        severity: 'error',
        file: required,
        rule: RULE,
        code: 'missing-document',
        message: `a ${kind} package must contain ${required}`,
      });
    }
  }
  for (const [file, schema] of JSON_DOCUMENTS) {
    const parsed = parseJsonFile(files, file);
    if (parsed === undefined) continue;
    if ('finding' in parsed) {
      findings.push(parsed.finding);
      continue;
    }
    const result = schema.safeParse(parsed.value);
    if (!result.success) findings.push(...schemaFindings(file, result.error));
  }
  findings.push(...validateAuditLog(files));
  return findings;
}

export function parseJsonFile(
  files: ReadonlyMap<string, Uint8Array>,
  file: string,
): { value: unknown } | { finding: PackageFinding } | undefined {
  const bytes = files.get(file);
  if (!bytes) return undefined;
  try {
    return { value: JSON.parse(decoder.decode(bytes)) as unknown };
  } catch (error) {
    return {
      finding: {
        severity: 'error',
        file,
        rule: RULE,
        code: 'malformed-json',
        message: `not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}

function validateAuditLog(files: ReadonlyMap<string, Uint8Array>): PackageFinding[] {
  const bytes = files.get(AUDIT_LOG_FILE);
  if (!bytes) return [];
  const findings: PackageFinding[] = [];
  const finding = (code: string, message: string): PackageFinding => ({
    severity: 'error',
    file: AUDIT_LOG_FILE,
    rule: RULE,
    code,
    message,
  });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return [finding('malformed-json', 'events.jsonl is not UTF-8')];
  }
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (text === '') return [];
  const events: AuditEvent[] = [];
  lines.forEach((line, index) => {
    const where = `line ${index + 1}: `;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      findings.push(finding('malformed-json', `${where}not a JSON object`));
      return;
    }
    const result = auditEventSchema.safeParse(value);
    if (result.success) events.push(result.data);
    else findings.push(...schemaFindings(AUDIT_LOG_FILE, result.error, [], where));
  });
  if (findings.length > 0) return findings;
  return checkAuditChain(events).map((problem) =>
    finding(problem.code, `line ${problem.line}: ${problem.message}`),
  );
}
