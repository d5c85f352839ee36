import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taskSchema, verifyPackage } from '../core/package';
import type { Scratch } from './cli.test-support';
import { openScratch, requireMinisign, writeTaskInputs } from './cli.test-support';

let scratch: Scratch;
let args: string[];
let publicKey: string;

beforeEach(async () => {
  scratch = openScratch();
  publicKey = (await scratch.kpo(['keygen', '-o', 'cora.key'])).stdout;
  scratch.write('cora.pub', publicKey);
  args = writeTaskInputs(scratch, 'cora.key');
});
afterEach(() => {
  scratch.dispose();
});

/** The pack arguments with one option's value replaced (or the option removed when value is null). */
function withOption(option: string, value: string | null): string[] {
  const index = args.indexOf(option);
  if (index < 0) throw new Error(`no ${option} in the sample arguments`);
  const copy = [...args];
  if (value === null) copy.splice(index, 2);
  else copy[index + 1] = value;
  return copy;
}

describe('kpo pack task', () => {
  it('pack → verify round trip: trusted with the coordinator key, exit 0', async () => {
    const packed = await scratch.kpo(args);
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    expect(packed.stdout).toMatch(
      /^task\.kpo: task package [0-9a-f-]{36} for task task-2025-001, 2 datasets, signed by [0-9A-F]{16}\n$/,
    );
    expect(scratch.read('task.kpo').subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect((await scratch.kpo(['verify', 'task.kpo', '--trust', 'cora.pub'])).code).toBe(0);
    expect((await scratch.kpo(['verify', 'task.kpo'])).code).toBe(2);
  });

  it('writes what the app imports: a trusted task package whose task.json carries the inputs and inferred column types', async () => {
    const packed = JSON.parse((await scratch.kpo([...args, '--json'])).stdout) as {
      packageId: string;
      signer: string;
    };
    const result = verifyPackage(new Uint8Array(scratch.read('task.kpo')), {
      trustedKeys: [{ keyId: packed.signer, publicKey }],
    });
    expect(result.status).toBe('trusted');
    expect(result.findings).toEqual([]);
    expect(result.info).toMatchObject({
      kind: 'task',
      taskId: 'task-2025-001',
      packageId: packed.packageId,
      formatVersion: '1.0',
    });
    const task = taskSchema.parse(JSON.parse(new TextDecoder().decode(result.files?.get('data/task.json'))));
    expect(task).toMatchObject({
      id: 'task-2025-001',
      title: 'Regional sales drivers',
      client: 'Northwind Ltd',
      brief: '# Brief\n\nExplain the **regional** differences in Q4 sales.\n',
      questions: [
        { number: 1, text: 'Which region grew fastest?' },
        { number: 2, text: 'What explains the drop in the south?' },
      ],
      due: '2025-03-20T17:00:00Z',
      priority: 'normal',
      estimateHours: 0,
      people: { coordinator: { name: 'Cora Coordinator', email: 'cora@example.org', keyId: packed.signer } },
      checklist: {
        name: 'Research task',
        items: [expect.objectContaining({ id: 'q-answered' }), expect.objectContaining({ id: 'sources' })],
      },
    });
    const sales = scratch.read('sales.csv');
    const sha256 = spawnSync('sha256sum', { input: sales, encoding: 'utf8' }).stdout.split(' ')[0];
    expect(task.datasets).toEqual([
      {
        path: 'datasets/sales.csv',
        name: 'sales',
        sha256,
        bytes: sales.length,
        columns: [
          { name: 'region', type: 'text' },
          { name: 'quarter', type: 'date' },
          { name: 'total', type: 'decimal' },
          { name: 'orders', type: 'integer' },
          { name: 'audited', type: 'boolean' },
        ],
      },
      expect.objectContaining({
        path: 'datasets/notes.csv',
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'note', type: 'text' },
        ],
      }),
    ]);
    expect(result.files?.get('data/datasets/sales.csv')).toEqual(new Uint8Array(sales));
    const dataPackage = JSON.parse(new TextDecoder().decode(result.files?.get('data/datapackage.json'))) as {
      resources: { path: string; hash: string; schema: { fields: { name: string; type: string }[] } }[];
    };
    expect(dataPackage.resources.find((r) => r.path === 'datasets/sales.csv')).toMatchObject({
      hash: `sha256:${sha256 ?? ''}`,
      schema: {
        fields: [
          { name: 'region', type: 'string' },
          { name: 'quarter', type: 'date' },
          { name: 'total', type: 'number' },
          { name: 'orders', type: 'integer' },
          { name: 'audited', type: 'boolean' },
        ],
      },
    });
    const bagInfo = new TextDecoder().decode(result.files?.get('bag-info.txt'));
    expect(bagInfo).toContain('Source-Organization: Northwind Ltd\n');
    expect(bagInfo).toContain('Contact-Name: Cora Coordinator\n');
    expect(bagInfo).toContain('Bagging-Date: 2025-03-04\n');
  });

  it('signs with a key made by minisign -G -W', async () => {
    const made = spawnSync(requireMinisign(), ['-G', '-W', '-p', 'm.pub', '-s', 'm.key'], {
      cwd: scratch.dir,
      input: '',
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const packed = await scratch.kpo(withOption('--key', 'm.key'));
    expect(packed.code, packed.stderr).toBe(0);
    expect((await scratch.kpo(['verify', 'task.kpo', '--trust', 'm.pub'])).code).toBe(0);
    expect((await scratch.kpo(['verify', 'task.kpo', '--trust', 'cora.pub'])).code).toBe(2);
  });

  it('fills defaults: a new task id, the coordinator named after the key, client and org from --name', async () => {
    const minimal = ['--client', '--name', '--email', '--id'].reduce<string[]>((acc, option) => {
      const i = acc.indexOf(option);
      return [...acc.slice(0, i), ...acc.slice(i + 2)];
    }, args);
    const packed = JSON.parse((await scratch.kpo([...minimal, '--json'])).stdout) as {
      taskId: string;
      signer: string;
    };
    expect(packed.taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const inspect = JSON.parse((await scratch.kpo(['inspect', 'task.kpo', '--json'])).stdout) as {
      task: { client: string };
      people: unknown[];
    };
    expect(inspect.task.client).toBe(`Coordinator ${packed.signer}`);
    expect(inspect.people).toEqual([
      { role: 'coordinator', name: `Coordinator ${packed.signer}`, email: null, keyId: packed.signer },
    ]);
  });

  it('refuses to replace an existing output unless --force', async () => {
    scratch.write('task.kpo', 'precious');
    expect((await scratch.kpo(args)).stderr).toBe(
      'kpo: task.kpo: already exists; use --force to replace it\n',
    );
    expect(scratch.read('task.kpo').toString()).toBe('precious');
    expect((await scratch.kpo([...args, '--force'])).code).toBe(0);
    expect((await scratch.kpo(['verify', 'task.kpo', '--trust', 'cora.pub'])).code).toBe(0);
  });

  it.each([
    [
      '--due',
      '2025-03-20',
      'kpo: --due: expected an ISO 8601 date-time with a time zone, e.g. 2025-03-20T17:00:00Z (see kpo pack --help)',
    ],
    ['--due', null, 'kpo: --due: is required (see kpo pack --help)'],
    ['--title', null, 'kpo: --title: is required (see kpo pack --help)'],
    ['--title', '  ', 'kpo: --title: expected a title, got an empty value (see kpo pack --help)'],
    ['--email', 'cora-at-example', 'kpo: --email: expected an e-mail address (see kpo pack --help)'],
    ['-o', null, 'kpo: -o/--output: is required (see kpo pack --help)'],
  ])('%s %s: exit 64 with one line naming the option', async (option, value, expected) => {
    expect(await scratch.kpo(withOption(option, value))).toEqual({
      code: 64,
      stdout: '',
      stderr: `${expected}\n`,
    });
    expect(scratch.exists('task.kpo')).toBe(false);
  });

  it('needs at least one --question and one --data, and a known --priority', async () => {
    const noQuestions = args.filter((a, i) => a !== '--question' && args[i - 1] !== '--question');
    expect((await scratch.kpo(noQuestions)).stderr).toBe(
      'kpo: --question: is required (at least one; repeat --question for more) (see kpo pack --help)\n',
    );
    const noData = args.filter((a, i) => a !== '--data' && args[i - 1] !== '--data');
    expect((await scratch.kpo(noData)).stderr).toBe(
      'kpo: --data: is required (at least one CSV file) (see kpo pack --help)\n',
    );
    expect((await scratch.kpo([...args, '--priority', 'asap'])).stderr).toBe(
      'kpo: --priority: expected one of low, normal, high, urgent (see kpo pack --help)\n',
    );
    expect((await scratch.kpo([...args, '--estimate-hours=-3'])).stderr).toBe(
      'kpo: --estimate-hours: must not be negative (see kpo pack --help)\n',
    );
    expect((await scratch.kpo([...args, '--estimate-hours', '-3'])).stderr).toBe(
      "kpo: kpo pack: option '--estimate-hours' argument is ambiguous (see kpo pack --help)\n",
    );
    expect((await scratch.kpo(['pack', 'submission', ...args.slice(2)])).code).toBe(64);
  });

  it.each([
    ['a checklist that is not JSON', 'checklist.json', '{"items": [', /^kpo: checklist\.json: not JSON: /],
    [
      'a checklist with a bad severity',
      'checklist.json',
      JSON.stringify({ items: [{ id: 'a', text: 'A', severity: 'fatal', evidenceRequired: false }] }),
      /^kpo: checklist\.json: \$\.items\[0\]\.severity: /,
    ],
    [
      'a brief that is not UTF-8',
      'brief.md',
      new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a]),
      /^kpo: brief\.md: not UTF-8 text$/,
    ],
    [
      'a semicolon-separated CSV',
      'sales.csv',
      'a;b\n1;2\n3;4\n',
      /^kpo: sales\.csv: the CSV is separated by ";", not commas; /,
    ],
    [
      'a CSV with a duplicate header',
      'sales.csv',
      'a,b,a\n1,2,3\n',
      /^kpo: sales\.csv: header column 3 is a duplicate of "a"; /,
    ],
    [
      'a Windows-1252 CSV',
      'sales.csv',
      new Uint8Array([...Buffer.from('city\nK'), 0xf6, ...Buffer.from('ln\n')]),
      /^kpo: sales\.csv: the CSV is windows-1252, not UTF-8; /,
    ],
    ['a binary "CSV"', 'sales.csv', new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 8, 7]), /^kpo: sales\.csv: /],
    [
      'a secret key that is really a public key',
      'cora.key',
      'untrusted comment: x\nRWQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n',
      /^kpo: cora\.key: /,
    ],
  ])('%s: exit 1, one line naming the file, nothing written', async (_label, file, content, expected) => {
    scratch.write(file, content);
    const run = await scratch.kpo(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.trimEnd()).toMatch(expected);
    expect(scratch.exists('task.kpo')).toBe(false);
  });

  it('names a missing input file, a non-CSV and two datasets with the same file name', async () => {
    expect((await scratch.kpo(withOption('--brief', 'nope.md'))).stderr).toBe(
      'kpo: nope.md: no such file or directory\n',
    );
    scratch.write('table.tsv', 'a\tb\n');
    expect((await scratch.kpo([...args, '--data', 'table.tsv'])).stderr).toBe(
      'kpo: table.tsv: expected a .csv file\n',
    );
    scratch.write('other/sales.csv', 'x,y\n1,2\n');
    expect((await scratch.kpo([...args, '--data', 'other/sales.csv'])).stderr).toBe(
      'kpo: other/sales.csv: has the same file name as sales.csv (ignoring case); only one can be datasets/sales.csv\n',
    );
    scratch.write('SALES.csv', 'x,y\n1,2\n');
    expect((await scratch.kpo([...args, '--data', 'SALES.csv'])).stderr).toBe(
      'kpo: SALES.csv: has the same file name as sales.csv (ignoring case); only one can be datasets/sales.csv\n',
    );
    expect(scratch.exists('task.kpo')).toBe(false);
  });
});
