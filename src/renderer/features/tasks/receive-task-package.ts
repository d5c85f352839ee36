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
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { importTaskDataset } from './task-datasets';

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
      const parsed = auditEventSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${AUDIT_LOG_FILE}, line ${index + 1}: not an audit event.`);
      return parsed.data;
    });
}

function person(p: { name: string; keyId: string; email?: string | undefined }): TaskPersonRecord {
  return { name: p.name, keyId: p.keyId, ...(p.email ? { email: p.email } : {}) };
}

/**
 * A verified task package becomes a task assigned to this analyst: people, brief and checklist from
 * the package, the CSVs kept as received and imported into the columnar store, and the audit log
 * continued from where the coordinator left it.
 */
export const receiveTaskPackage: ReceivedPackageHandler = async ({ record, files }) => {
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

  const datasetFiles = task.datasets.map((dataset) => {
    const bytes = files.get(`data/${dataset.path}`);
    if (!bytes) throw new Error(`task.json lists ${dataset.path}, but the package does not contain it.`);
    return { path: dataset.path, mediaType: 'text/csv', bytes };
  });

  const { coordinator, analyst, reviewer } = task.people;
  await repositories.tasks.receive({
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
      datasets: task.datasets.map(({ path, name }, index) => {
        const bytes = datasetFiles[index]?.bytes ?? new Uint8Array();
        return { path, name, sha256: bytesToHex(sha256(bytes)), bytes: bytes.byteLength };
      }),
      checklistName: task.checklist.name ?? '',
      checklist: items,
      sourcePackageId: record.packageId,
    },
    files: datasetFiles,
    events: readAuditLog(files),
    data: { packageId: record.packageId, fileName: record.fileName },
  });
  // The task is stored; each CSV now imports in the background and the task shows its progress.
  for (const dataset of task.datasets) {
    const bytes = files.get(`data/${dataset.path}`);
    if (bytes) await importTaskDataset(task.id, dataset, bytes);
  }
  const count = task.datasets.length;
  return {
    taskId: task.id,
    message: `Task "${task.title}" received${count > 0 ? `; importing ${count} dataset${count === 1 ? '' : 's'}` : ''}.`,
  };
};
