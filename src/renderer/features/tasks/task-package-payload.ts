import type { AuditEvent, PackagePerson, Task } from '@core/package';
import { serializeAuditLog } from '@core/package';

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The payload of a task package: task.json, each CSV exactly as attached, the QC checklist with every
 * item open, and the audit log so far (the analyst continues the same chain); plus who is named.
 */
export function taskPackagePayload(input: {
  document: Task;
  csv: ReadonlyMap<string, Uint8Array>;
  events: readonly AuditEvent[];
}): { files: Map<string, Uint8Array>; people: PackagePerson[] } {
  const { document, csv, events } = input;
  const files = new Map<string, Uint8Array>([['task.json', json(document)]]);
  for (const dataset of document.datasets) {
    const bytes = csv.get(dataset.path);
    if (!bytes)
      throw new Error(`${dataset.path}: the original CSV is missing from this task; attach it again.`);
    files.set(dataset.path, bytes);
  }
  files.set(
    'qc/checklist.json',
    json({ items: document.checklist.items.map((item) => ({ ...item, result: 'open' })) }),
  );
  files.set('audit/events.jsonl', encoder.encode(serializeAuditLog(events)));
  const { coordinator, analyst, reviewer } = document.people;
  const people: PackagePerson[] = [
    { role: 'coordinator', ...coordinator },
    ...(analyst ? [{ role: 'analyst' as const, ...analyst }] : []),
    ...(reviewer ? [{ role: 'reviewer' as const, ...reviewer }] : []),
  ];
  return { files, people };
}
