import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from './build-package';
import type { TestKey } from './fixtures.test-support';
import { json, makeKey, samplePackageInput, text } from './fixtures.test-support';
import { createSignoff } from './signoff';
import type { BuildPackageInput } from './build-package';
import type { VerifyPackageResult } from './types';
import { verifyPackage } from './verify-package';

let cora: TestKey;
let ada: TestKey;
let rex: TestKey;
let mallory: TestKey;
let nina: TestKey;

beforeAll(() => {
  [cora, ada, rex, mallory, nina] = ['Cora', 'Ada', 'Rex', 'Mallory', 'Nina'].map(makeKey) as [
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
  ];
});

const trustedKeys = () => [cora, ada, rex, mallory, nina].map((key) => key.trusted);
const verify = async (input: BuildPackageInput) =>
  verifyPackage(await buildPackage(input), { trustedKeys: trustedKeys() });
const errors = (result: VerifyPackageResult) =>
  result.findings.filter((f) => f.severity === 'error').map(({ file, code, rule }) => ({ file, code, rule }));

describe('sign-offs on a deliverable (four-eyes)', () => {
  it('accepts an approval by the named reviewer over the named analyst attestation', async () => {
    const result = await verify(
      await samplePackageInput('deliverable', { coordinator: cora, analyst: ada, reviewer: rex }),
    );
    expect(errors(result)).toEqual([]);
    expect(result.status).toBe('trusted');
  });

  it('refuses an approval signed with the analyst own key, even when the task names them for both', async () => {
    const result = await verify(
      await samplePackageInput('deliverable', { coordinator: cora, analyst: ada, reviewer: ada }),
    );
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual([
      { file: 'data/signoffs.json', code: 'signoff-self-approval', rule: 'KPO §7 four-eyes' },
    ]);
    const finding = result.findings.find((f) => f.code === 'signoff-self-approval');
    expect(finding?.message).toBe(
      `$.signoffs[1] (reviewer, Rex Reviewer): the approval is signed by the analyst's own key ${ada.keyId}; work must be approved by a second person (KPO §7 four-eyes)`,
    );
  });

  it('refuses an approval by a key other than the reviewer task.json names', async () => {
    // task.json names Mallory from the start, so only the sign-offs are at odds with it.
    const input = await samplePackageInput(
      'deliverable',
      { coordinator: cora, analyst: ada, reviewer: rex },
      {
        editTask: (task) => ({
          ...task,
          people: { ...task.people, reviewer: { name: 'Mallory', keyId: mallory.keyId } },
        }),
      },
    );
    const result = await verify(input);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual([
      { file: 'data/signoffs.json', code: 'signoff-not-named-person', rule: 'KPO §7 four-eyes' },
    ]);
    expect(result.findings.find((f) => f.code === 'signoff-not-named-person')?.message).toBe(
      `$.signoffs[1] (reviewer, Rex Reviewer): signed by key ${rex.keyId}, but data/task.json names Mallory (${mallory.keyId}) as the task's reviewer (KPO §7 four-eyes)`,
    );
  });

  it('refuses an analyst attestation by someone other than the named analyst', async () => {
    const input = await samplePackageInput(
      'submission',
      { coordinator: cora, analyst: ada, reviewer: rex },
      {
        editTask: (task) => ({
          ...task,
          people: { ...task.people, analyst: { name: 'Mallory', keyId: mallory.keyId } },
        }),
      },
    );
    expect(errors(await verify(input))).toEqual([
      { file: 'data/signoffs.json', code: 'signoff-not-named-person', rule: 'KPO §7 four-eyes' },
    ]);
  });
});

describe("the client's sign-off in acceptance.json", () => {
  async function acceptance(options: {
    role?: 'client' | 'reviewer';
    signoffKey?: TestKey;
    edit?: (statement: string) => string;
  }): Promise<BuildPackageInput> {
    const base = await samplePackageInput('task', { coordinator: cora, analyst: ada, reviewer: rex });
    const key = options.signoffKey ?? nina;
    const signoff = await createSignoff(
      {
        role: options.role ?? 'client',
        signer: { name: 'Nina Northwind' },
        date: '2025-03-06T09:00:00Z',
        contentDigest: 'a'.repeat(128),
        statement: 'I accept this deliverable.',
      },
      { keyId: key.secret.keyId, sign: key.signer.sign },
    );
    const document = {
      decision: 'accepted',
      comments: '',
      deliverablePackageId: 'deliverable-1',
      signoff: { ...signoff, statement: options.edit?.(signoff.statement) ?? signoff.statement },
    };
    return {
      ...base,
      kind: 'acceptance',
      files: new Map([
        ['task.json', base.files.get('task.json') ?? text('{}')],
        ['acceptance.json', json(document)],
      ]),
      signer: nina.signer,
    };
  }

  it('verifies a client decision signed by the package signer', async () => {
    expect(errors(await verify(await acceptance({})))).toEqual([]);
  });

  it('refuses a decision signed off in another role than client', async () => {
    const result = await verify(await acceptance({ role: 'reviewer' }));
    expect(errors(result)).toEqual([
      { file: 'data/acceptance.json', code: 'acceptance-not-client', rule: 'KPO §7 sign-off' },
    ]);
  });

  it('refuses a decision signed off by someone other than the package signer', async () => {
    const result = await verify(await acceptance({ signoffKey: mallory }));
    expect(errors(result)).toEqual([
      { file: 'data/acceptance.json', code: 'acceptance-signer-mismatch', rule: 'KPO §7 sign-off' },
    ]);
  });

  it('refuses a decision whose signed statement was edited afterwards', async () => {
    const result = await verify(
      await acceptance({ edit: () => 'I accept this deliverable, and pay double.' }),
    );
    expect(errors(result)).toEqual([
      { file: 'data/acceptance.json', code: 'signoff-signature-invalid', rule: 'KPO §7 sign-off' },
    ]);
  });
});
