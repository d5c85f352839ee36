import type { AuditEvent, Signoff, Task } from '@core/package';
import {
  AUDIT_LOG_FILE,
  auditEventSchema,
  computeContentDigest,
  signoffsSchema,
  SIGNOFFS_FILE,
  TASK_FILE,
  taskSchema,
  TIME_ENTRIES_FILE,
  timeEntriesSchema,
} from '@core/package';
import { MANIFEST_PATH, manifestSchema } from '@core/deliverable';
import { readJsonDocument } from '@core/review';
import type { ReceivedTimeEntry, ReceivedVersion } from '../../db';
import type { ReceivedPackage } from '../packages/received-package-handlers';

/** task.json of a verified package; verification already checked it, this gives it its type. */
export function packageTask(files: ReadonlyMap<string, Uint8Array>): Task {
  const task = readJsonDocument(files, TASK_FILE, taskSchema);
  if (!task) throw new Error(`${TASK_FILE} is missing from the package.`);
  return task;
}

export function packageEvents(files: ReadonlyMap<string, Uint8Array>): AuditEvent[] {
  const bytes = files.get(AUDIT_LOG_FILE);
  if (!bytes) return [];
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = auditEventSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${AUDIT_LOG_FILE} line ${index + 1} is not an audit event.`);
      return parsed.data;
    });
}

export function packageSignoffs(files: ReadonlyMap<string, Uint8Array>): Signoff[] {
  return readJsonDocument(files, SIGNOFFS_FILE, signoffsSchema)?.signoffs ?? [];
}

/**
 * Who signed the package, named as the trust list names them or else as their own sign-off does: the
 * move a received package implies is recorded as theirs.
 */
export function packageSender(pkg: ReceivedPackage): { keyId: string; name?: string } {
  const { record, files } = pkg;
  const name =
    record.signerName ??
    packageSignoffs(files).find((signoff) => signoff.signer.keyId === record.signerKeyId)?.signer.name;
  return { keyId: record.signerKeyId, ...(name === undefined ? {} : { name }) };
}

/**
 * The analyst's time entries a package carries (data/time/entries.json), validated against the
 * package schema; undefined when it carries none. A malformed file is refused with its name and the
 * place inside it, never half read.
 */
export function packageTimeEntries(files: ReadonlyMap<string, Uint8Array>): ReceivedTimeEntry[] | undefined {
  const bytes = files.get(TIME_ENTRIES_FILE);
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error(`${TIME_ENTRIES_FILE} is not UTF-8 JSON, so the time logged on the task cannot be read.`);
  }
  const parsed = timeEntriesSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new Error(
      `${TIME_ENTRIES_FILE} is not a valid time log${where}: ${issue?.message ?? 'unexpected shape'}.`,
    );
  }
  return parsed.data.entries.map(({ id, person, date, minutes, activity, note }) => ({
    id,
    person,
    date,
    minutes,
    activity,
    ...(note === undefined ? {} : { note }),
  }));
}

/** Payload files keyed relative to data/, as SubmissionRecord keeps them. */
export function payloadFiles(files: ReadonlyMap<string, Uint8Array>): Record<string, Uint8Array> {
  const payload: Record<string, Uint8Array> = {};
  for (const [path, bytes] of files)
    if (path.startsWith('data/')) payload[path.slice('data/'.length)] = bytes;
  return payload;
}

/** The deliverable's version as its manifest states it (core/deliverable's schema, shared with the client). */
const manifestVersion = (files: ReadonlyMap<string, Uint8Array>): number | undefined =>
  readJsonDocument(files, `data/${MANIFEST_PATH}`, manifestSchema)?.version;

/** A submission or deliverable as a stored version: the analyst's sign-off says who, when and what. */
export function receivedVersion(pkg: ReceivedPackage): ReceivedVersion {
  const { files, record } = pkg;
  const analyst = packageSignoffs(files).find((signoff) => signoff.role === 'analyst');
  const version = manifestVersion(files);
  const timeEntries = packageTimeEntries(files);
  return {
    task: packageTask(files),
    packageId: record.packageId,
    events: packageEvents(files),
    sender: packageSender(pkg),
    files: payloadFiles(files),
    contentDigest: analyst?.contentDigest ?? computeContentDigest(files),
    submittedBy: analyst
      ? { name: analyst.signer.name, keyId: analyst.signer.keyId }
      : { name: record.signerName ?? record.signerKeyId, keyId: record.signerKeyId },
    submittedAt: analyst?.date ?? record.baggingDate ?? record.importedAt,
    ...(version === undefined ? {} : { version }),
    ...(timeEntries === undefined ? {} : { timeEntries }),
  };
}
