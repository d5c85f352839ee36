import type { AuditEvent } from '@core/package';
import {
  AUDIT_LOG_FILE,
  auditEventSchema,
  CHECKLIST_FILE,
  checklistSchema,
  TASK_FILE,
  taskSchema,
} from '@core/package';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ChecklistItemRecord, TaskPersonRecord } from '../../db';
import type { ReceivedTaskInput } from '../../db/tasks-repository';

const decoder = new TextDecoder('utf-8', { fatal: true });

function readJson(files: ReadonlyMap<string, Uint8Array>, path: string): unknown {
  const bytes = files.get(path);
  if (!bytes) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch (error) {
    throw new Error(`${path} is not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readAuditLog(files: ReadonlyMap<string, Uint8Array>): AuditEvent[] {
  const bytes = files.get(AUDIT_LOG_FILE);
  if (!bytes) return [];
  return decoder
    .decode(bytes)
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      const parsed = auditEventSchema.safeParse(value);
      if (!parsed.success) throw new Error(`${AUDIT_LOG_FILE}, line ${index + 1}: not an audit event.`);
      return parsed.data;
    });
}

function person(p: { name: string; keyId: string; email?: string | undefined }): TaskPersonRecord {
  return { name: p.name, keyId: p.keyId, ...(p.email ? { email: p.email } : {}) };
}

/**
 * What a verified task package says, as the task to store here: people, brief and questions from
 * task.json; the checklist from qc/checklist.json when present (else task.json's template); every CSV
 * task.json lists, with its bytes; and the audit log to continue. Throws, naming the file, if any is
 * missing or malformed.
 */
export function readTaskPackage(
  files: ReadonlyMap<string, Uint8Array>,
  packageId: string,
): ReceivedTaskInput & { datasetBytes: ReadonlyMap<string, Uint8Array> } {
  const parsedTask = taskSchema.safeParse(readJson(files, TASK_FILE));
  if (!parsedTask.success) throw new Error(`${TASK_FILE} is missing or is not a valid task.`);
  const task = parsedTask.data;
  const checklistDocument = readJson(files, CHECKLIST_FILE);
  const checklist =
    checklistDocument === undefined ? undefined : checklistSchema.safeParse(checklistDocument);
  if (checklist && !checklist.success) throw new Error(`${CHECKLIST_FILE} is not a valid checklist.`);
  const items: ChecklistItemRecord[] = (checklist?.data.items ?? task.checklist.items).map((item) => ({
    id: item.id,
    text: item.text,
    severity: item.severity,
    evidenceRequired: item.evidenceRequired,
    ...(item.automaticCheck ? { automaticCheck: item.automaticCheck } : {}),
  }));

  const datasetBytes = new Map<string, Uint8Array>();
  for (const dataset of task.datasets) {
    const bytes = files.get(`data/${dataset.path}`);
    if (!bytes) throw new Error(`task.json lists ${dataset.path}, but the package does not contain it.`);
    datasetBytes.set(dataset.path, bytes);
  }

  const { coordinator, analyst, reviewer } = task.people;
  return {
    task: {
      id: task.id,
      title: task.title,
      client: task.client,
      brief: task.brief,
      questions: task.questions,
      due: task.due,
      priority: task.priority,
      estimateHours: task.estimateHours,
      coordinator: person(coordinator),
      ...(analyst ? { analyst: person(analyst) } : {}),
      ...(reviewer ? { reviewer: person(reviewer) } : {}),
      // The bag's manifest already proved these bytes intact; the hash kept is of the bytes themselves.
      datasets: task.datasets.map(({ path, name }) => {
        const bytes = datasetBytes.get(path) ?? new Uint8Array();
        return { path, name, sha256: bytesToHex(sha256(bytes)), bytes: bytes.byteLength };
      }),
      checklistName: task.checklist.name ?? '',
      checklist: items,
      sourcePackageId: packageId,
    },
    files: [...datasetBytes].map(([path, bytes]) => ({ path, mediaType: 'text/csv', bytes })),
    events: readAuditLog(files),
    datasetBytes,
  };
}
