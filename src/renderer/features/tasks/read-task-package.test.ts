import { appendAuditEvent, buildPackageFiles, serializeAuditLog } from '@core/package';
import { makeKey, samplePackageInput, sampleTask } from '@core/package/fixtures.test-support';
import { describe, expect, it } from 'vitest';
import { readTaskPackage } from './read-task-package';

const encoder = new TextEncoder();
const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

async function taskPackage(extra: Record<string, string> = {}): Promise<Map<string, Uint8Array>> {
  const input = await samplePackageInput('task', keys);
  const files = new Map(input.files);
  for (const [path, content] of Object.entries(extra)) files.set(path, encoder.encode(content));
  return buildPackageFiles({ ...input, files });
}

describe('readTaskPackage', () => {
  it('reads the task, people, CSV bytes and hash, and the checklist template when no qc/checklist.json came', async () => {
    const files = await taskPackage();
    const sample = sampleTask(keys.coordinator, keys.analyst, keys.reviewer);
    const read = readTaskPackage(files, 'pkg-1');
    expect(read.task).toMatchObject({
      id: sample.id,
      title: sample.title,
      questions: sample.questions,
      coordinator: { name: 'Cora Coordinator', keyId: keys.coordinator.keyId, email: 'cora@example.org' },
      analyst: { name: 'Ada Analyst', keyId: keys.analyst.keyId },
      sourcePackageId: 'pkg-1',
      checklist: sample.checklist.items,
    });
    const csv = files.get('data/datasets/sales.csv');
    expect(read.files).toEqual([{ path: 'datasets/sales.csv', mediaType: 'text/csv', bytes: csv }]);
    expect(read.task.datasets[0]?.bytes).toBe(csv?.byteLength);
    expect(read.task.datasets[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(read.task.datasets[0]?.sha256).not.toBe('0'.repeat(64));
    expect(read.events).toEqual([]);
  });

  it('prefers qc/checklist.json and adopts the audit log it carries', async () => {
    const log = appendAuditEvent([], {
      at: '2026-11-20T10:00:00.000Z',
      actor: keys.coordinator.keyId,
      type: 'task.created',
      data: {},
    });
    const files = await taskPackage({
      'qc/checklist.json': JSON.stringify({
        items: [
          { id: 'only', text: 'Only this', severity: 'minor', evidenceRequired: false, result: 'open' },
        ],
      }),
      'audit/events.jsonl': serializeAuditLog(log),
    });
    const read = readTaskPackage(files, 'pkg-2');
    expect(read.task.checklist).toEqual([
      { id: 'only', text: 'Only this', severity: 'minor', evidenceRequired: false },
    ]);
    expect(read.events).toEqual(log);
  });

  it('names the file when a listed CSV or the task itself is missing', async () => {
    const files = await taskPackage();
    files.delete('data/datasets/sales.csv');
    expect(() => readTaskPackage(files, 'p')).toThrow(
      'task.json lists datasets/sales.csv, but the package does not contain it.',
    );
    files.set('data/task.json', encoder.encode('{"id": 1}'));
    expect(() => readTaskPackage(files, 'p')).toThrow('data/task.json is missing or is not a valid task.');
    files.set('data/task.json', encoder.encode('{'));
    expect(() => readTaskPackage(files, 'p')).toThrow(/^data\/task\.json is not UTF-8 JSON/);
  });
});
