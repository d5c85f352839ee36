import { randomUUID } from 'node:crypto';
import type { PackagePerson, Task } from '../../core/package';
import { buildPackage, PackageBuildError, taskSchema } from '../../core/package';
import { BagBuildError } from '../../core/bagit';
import { formatKeyId, signWithSecretKey } from '../../core/minisign';
import { ZipWriteError } from '../../core/zip';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { CliError, EXIT, UsageError } from '../errors';
import { nodeCreateHash } from '../node-hash';
import { PUBLIC_FILE_MODE, writeOutputFile } from '../output-file';
import {
  describeIssues,
  parsePackOptions,
  readChecklistTemplate,
  readDatasets,
  readTextFile,
} from '../pack-inputs';
import { PRIORITIES } from '../pack-options';
import { printJson } from '../report';
import { readSecretKeyFile } from '../secret-key-file';

const OPTIONS = {
  title: { type: 'string' },
  brief: { type: 'string' },
  question: { type: 'string', multiple: true },
  due: { type: 'string' },
  data: { type: 'string', multiple: true },
  checklist: { type: 'string' },
  key: { type: 'string' },
  client: { type: 'string' },
  org: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  id: { type: 'string' },
  priority: { type: 'string', default: 'normal' },
  'estimate-hours': { type: 'string', default: '0' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const packCommand: Command = {
  name: 'pack',
  summary: 'create a signed task package from a brief, questions, CSVs and a QC checklist',
  help: `Usage: kpo pack task --title <text> --brief <brief.md> --question <text> [--question <text>]...
                --due <date-time> --data <a.csv> [--data <b.csv>]... --checklist <template.json>
                --key <secret-key> -o <task.kpo> [options]

Builds a signed task package with the app's own package builder, for coordinators who create
tasks from scripts. The result passes "kpo verify" and the app's Import package.

Required:
  --title <text>          the task's title
  --brief <file>          the brief, Markdown, UTF-8
  --question <text>       a research question; repeat for each, numbered in order
  --due <date-time>       ISO 8601 with a time zone, e.g. 2025-03-20T17:00:00Z
  --data <file.csv>       a dataset, stored as datasets/<file name>; repeat for more. UTF-8,
                          comma-separated, with a header row of unique names. Column types
                          (integer, decimal, boolean, date, datetime, category, text) are
                          inferred as the app's importer infers them.
  --checklist <file>      QC checklist template, JSON: {"name"?: text, "items": [{"id", "text",
                          "severity": "critical"|"major"|"minor", "evidenceRequired": bool,
                          "automaticCheck"?: text}]}
  --key <file>            your secret key (kpo keygen, or minisign -G -W)
  -o, --output <file>     the .kpo file to write (kept if it exists, unless --force)

Optional:
  --id <text>             the task id (default: a new UUID)
  --name <text>           your name as coordinator (default: "Coordinator <key id>")
  --email <address>       your e-mail address
  --org <text>            Source-Organization in bag-info.txt (default: --client, else --name)
  --client <text>         the client the task is for (default: --org, else --name)
  --priority <level>      ${PRIORITIES.join(', ')} (default: normal)
  --estimate-hours <n>    the estimated effort (default: 0)
  --force                 replace an existing output file
  --json                  print the package id, task id and signer as JSON
  -h, --help              show this help

Every input is checked before anything is written; a problem is one line on stderr naming the
file or option and the reason, with exit status 1 (64 for a wrong command line).
`,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('pack', args, OPTIONS);
    if (values.help) {
      io.stdout(packCommand.help);
      return EXIT.ok;
    }
    const [kind, ...extra] = positionals;
    if (kind === undefined) throw new UsageError('kpo pack', 'missing the package kind: kpo pack task …');
    if (kind !== 'task') {
      throw new UsageError(
        'kpo pack',
        `cannot pack a "${kind}" package: only task packages are made here (the app makes the others)`,
      );
    }
    if (extra.length > 0) throw new UsageError('kpo pack', `unexpected argument "${extra[0] ?? ''}"`);
    const options = parsePackOptions({ ...values, question: values.question ?? [], data: values.data ?? [] });

    const secret = readSecretKeyFile(io, options.key);
    const keyId = formatKeyId(secret.keyId);
    const brief = readTextFile(io, options.brief);
    const checklist = readChecklistTemplate(io, options.checklist);
    const datasets = readDatasets(io, options.data);

    const name = options.name ?? `Coordinator ${keyId}`;
    const org = options.org ?? options.client ?? name;
    const client = options.client ?? org;
    const coordinator = { name, ...(options.email ? { email: options.email } : {}), keyId };
    const candidate: Task = {
      id: options.id ?? randomUUID(),
      title: options.title,
      client,
      brief,
      questions: options.question.map((text, index) => ({ number: index + 1, text })),
      due: options.due,
      priority: options.priority,
      estimateHours: options['estimate-hours'],
      people: { coordinator },
      datasets: datasets.map((d) => d.dataset),
      checklist,
    };
    const task = taskSchema.safeParse(candidate);
    if (!task.success) throw new CliError('task.json', describeIssues(task.error));

    const people: PackagePerson[] = [{ role: 'coordinator', ...coordinator }];
    const packageId = randomUUID();
    let bytes: Uint8Array;
    try {
      bytes = await buildPackage({
        kind: 'task',
        packageId,
        taskId: task.data.id,
        files: new Map([
          ['task.json', new TextEncoder().encode(`${JSON.stringify(task.data, null, 2)}\n`)],
          ...datasets.map((d) => [d.path, d.bytes] as const),
        ]),
        people,
        sourceOrganization: org,
        contactName: name,
        signer: {
          keyId: secret.keyId,
          publicKey: secret.publicKey,
          sign: signWithSecretKey(secret.secretKey),
        },
        now: io.now(),
        createHash: nodeCreateHash,
      });
    } catch (error) {
      // What the builders refuse is always about the inputs (a name zip or BagIt cannot carry, ...).
      if (
        error instanceof PackageBuildError ||
        error instanceof BagBuildError ||
        error instanceof ZipWriteError
      ) {
        throw new CliError(options.output, error.message);
      }
      throw error;
    }
    writeOutputFile(io, options.output, bytes, { mode: PUBLIC_FILE_MODE, force: values.force });

    const summary = {
      file: options.output,
      kind: 'task',
      packageId,
      taskId: task.data.id,
      signer: keyId,
      bytes: bytes.length,
      datasets: datasets.map((d) => ({ path: d.path, bytes: d.dataset.bytes, columns: d.dataset.columns })),
    };
    if (values.json) printJson(io, summary);
    else {
      io.stdout(
        `${options.output}: task package ${packageId} for task ${task.data.id}, ${datasets.length} ${datasets.length === 1 ? 'dataset' : 'datasets'}, signed by ${keyId}\n`,
      );
    }
    return EXIT.ok;
  },
};
