import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePublicKey } from '../core/minisign';
import { flipByte } from '../core/package/tamper.test-support';
import type { Keys, Scratch } from './cli.test-support';
import { makeKeys, openScratch, writeSamplePackage, writeZippedBag } from './cli.test-support';

let keys: Keys;
let scratch: Scratch;
let bag: Map<string, Uint8Array> & { packageId: string };

beforeAll(() => {
  keys = makeKeys();
});
beforeEach(async () => {
  scratch = openScratch();
  bag = await writeSamplePackage(scratch, 'deliverable.kpo', 'deliverable', keys);
  scratch.write('keys/rex.pub', encodePublicKey(keys.reviewer.secret));
  scratch.write('keys/ada.pub', encodePublicKey(keys.analyst.secret));
});
afterEach(() => {
  scratch.dispose();
});

interface InspectJson {
  status: string;
  exitCode: number;
  package: { kind: string; taskId: string; packageId: string };
  task: { id: string; title: string; client: string; due: string; questions: string[] } | null;
  people: { role: string; name: string; email: string | null; keyId: string }[];
  files: { path: string; bytes: number }[];
  signoffs: { role: string; name: string; keyId: string; date: string; statement: string }[];
  findings: unknown[];
}

describe('kpo inspect', () => {
  it('--json: kind, task, people, every file with its size, sign-offs and the verification', async () => {
    const run = await scratch.kpo(['inspect', 'deliverable.kpo', '--trust', 'keys', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as InspectJson;
    expect(report).toMatchObject({
      status: 'trusted',
      exitCode: 0,
      package: { kind: 'deliverable', taskId: 'task-2025-001', packageId: bag.packageId },
      task: {
        id: 'task-2025-001',
        title: 'Regional sales drivers',
        client: 'Northwind Ltd',
        due: '2025-03-20T17:00:00Z',
        questions: ['Which region grew fastest?', 'What explains the drop in the south?'],
      },
      findings: [],
    });
    expect(report.people).toEqual([
      {
        role: 'coordinator',
        name: 'Cora Coordinator',
        email: 'cora@example.org',
        keyId: keys.coordinator.keyId,
      },
      { role: 'analyst', name: 'Ada Analyst', email: null, keyId: keys.analyst.keyId },
      { role: 'reviewer', name: 'Rex Reviewer', email: null, keyId: keys.reviewer.keyId },
    ]);
    expect(report.files).toEqual(
      [...bag]
        .map(([path, bytes]) => ({ path, bytes: bytes.length }))
        .sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
    expect(report.signoffs).toEqual([
      {
        role: 'analyst',
        name: 'Ada Analyst',
        keyId: keys.analyst.keyId,
        date: '2025-03-03T09:30:00Z',
        statement: 'I did this work and the checklist is complete.',
      },
      {
        role: 'reviewer',
        name: 'Rex Reviewer',
        keyId: keys.reviewer.keyId,
        date: '2025-03-04T09:00:00Z',
        statement: 'Reviewed and approved.',
      },
    ]);
  });

  it('prints the same for people, with sections a reader can scan', async () => {
    const run = await scratch.kpo(['inspect', 'deliverable.kpo']);
    expect(run.code).toBe(2);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      `deliverable.kpo: valid but NOT TRUSTED: signed by key ${keys.reviewer.keyId}, which no --trust key matches`,
    );
    expect(lines).toContain('Task');
    expect(lines).toContain('  title       Regional sales drivers');
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^  analyst +Ada Analyst +${keys.analyst.keyId}$`)),
    );
    const reportBytes = bag.get('data/deliverable/report.md')?.length ?? 0;
    expect(lines).toContain(`  ${String(reportBytes).padStart(12)}  data/deliverable/report.md`);
    expect(lines).toContain('Sign-offs');
    expect(
      lines.some((l) => l.startsWith('  reviewer  Rex Reviewer') && l.endsWith('Reviewed and approved.')),
    ).toBe(true);
  });

  it('shows an invalid package only as its problems: exit 1, no task, files or sign-offs', async () => {
    flipByte(bag, 'data/deliverable/report.md', 3);
    writeZippedBag(scratch, 'bad.kpo', bag, bag.packageId);
    const run = await scratch.kpo(['inspect', 'bad.kpo', '--trust', 'keys', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kpo: bad\.kpo: data\/deliverable\/report\.md: .*checksum-mismatch\]$/m);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'invalid',
      task: null,
      people: [],
      files: [],
      signoffs: [],
    });
    const human = await scratch.kpo(['inspect', 'bad.kpo']);
    expect(human.stdout).not.toContain('Files');
    expect(human.stdout).toMatch(/^bad\.kpo: INVALID: \d+ errors?\n/);
  });
});
