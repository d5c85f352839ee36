import { appendAuditEvent, buildPackageFiles, verifyPackage } from '@core/package';
import { makeKey } from '@core/package/fixtures.test-support';
import { toTaskDocument } from '@core/workflow';
import { describe, expect, it } from 'vitest';
import { readTaskPackage } from './read-task-package';
import { taskPackagePayload } from './task-package-payload';

const cora = makeKey('Cora');
const ada = makeKey('Ada');
const csvBytes = new TextEncoder().encode('region,revenue\nNorth,10\nSouth,7\n');

function documentFor() {
  const result = toTaskDocument({
    id: 'b1f0c7a2-6a55-4d8e-9b62-0e1f2a3b4c5d',
    title: 'Regional revenue',
    client: 'Northwind',
    brief: 'Explain the gap.',
    questions: [{ number: 1, text: 'Which region grew?' }],
    due: '2030-03-20T17:00:00.000Z',
    priority: 'high',
    estimateHours: 8,
    coordinator: { name: 'Cora', keyId: cora.keyId },
    analyst: { name: 'Ada', keyId: ada.keyId },
    reviewer: { name: 'Ada', keyId: ada.keyId },
    datasets: [
      { path: 'datasets/sales.csv', name: 'sales', sha256: 'a'.repeat(64), bytes: csvBytes.byteLength },
    ],
    checklistName: 'Research',
    checklist: [{ id: 'scope', text: 'Scope answered', severity: 'critical', evidenceRequired: true }],
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  return result.task;
}

describe('taskPackagePayload', () => {
  it('makes a task package that verifies as trusted and reads back as the same task, chain included', async () => {
    const document = documentFor();
    const events = appendAuditEvent([], {
      at: '2026-11-25T10:00:00.000Z',
      actor: cora.keyId,
      type: 'task.created',
      data: {},
    });
    const { files, people } = taskPackagePayload({
      document,
      csv: new Map([['datasets/sales.csv', csvBytes]]),
      events,
    });
    expect([...files.keys()].sort()).toEqual([
      'audit/events.jsonl',
      'datasets/sales.csv',
      'qc/checklist.json',
      'task.json',
    ]);
    expect(people.map((p) => p.role)).toEqual(['coordinator', 'analyst', 'reviewer']);

    const bag = await buildPackageFiles({
      kind: 'task',
      taskId: document.id,
      files,
      people,
      sourceOrganization: 'Contoso',
      contactName: 'Cora',
      signer: cora.signer,
    });
    expect(verifyPackage(bag, { trustedKeys: [cora.trusted] }).status).toBe('trusted');

    const read = readTaskPackage(bag, bag.packageId);
    expect(read.task).toMatchObject({
      id: document.id,
      title: 'Regional revenue',
      questions: document.questions,
    });
    expect(read.task.checklist).toEqual(document.checklist.items);
    expect(read.datasetBytes.get('datasets/sales.csv')).toEqual(csvBytes);
    expect(read.events).toEqual(events);
  });

  it('refuses a task whose CSV bytes are missing, naming the file', () => {
    expect(() => taskPackagePayload({ document: documentFor(), csv: new Map(), events: [] })).toThrow(
      'datasets/sales.csv: the original CSV is missing from this task; attach it again.',
    );
  });
});
