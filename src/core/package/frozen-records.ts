import { z } from 'zod';
import type { CreateHash } from '../bagit';
import { createHash as nobleCreateHash } from '../bagit';
import { checkAuditChain } from './audit-chain';
import { schemaFindings } from './json-path';
import type { AuditEvent } from './schemas/audit-event';
import { auditEventSchema } from './schemas/audit-event';
import type { FrozenAuditHead, FrozenRecord } from './schemas/frozen-records';
import { FROZEN_RECORD_FILES, frozenAuditHeadSchema, frozenRecordsSchema } from './schemas/frozen-records';
import type { PackageFinding } from './types';

/** The deliverable's manifest and the audit log, relative to data/ (as the manifest's records are). */
export const DELIVERABLE_MANIFEST = 'deliverable/manifest.json';
const AUDIT_LOG = 'audit/events.jsonl';

const RULE = 'KPO §7 sign-off';
const SCHEMA_RULE = 'KPO §5 payload schema';

/** The part of deliverable/manifest.json that pins what a version was frozen with. */
const frozenPartSchema = z.object({
  version: z.number().int().positive(),
  records: frozenRecordsSchema,
  auditHead: frozenAuditHeadSchema.optional(),
});

/**
 * The manifest's records of the frozen documents, from the files as they are written into the
 * package (keyed relative to data/). Every frozen document must be there.
 */
export function recordFrozenFiles(
  files: ReadonlyMap<string, Uint8Array>,
  createHash: CreateHash = nobleCreateHash,
): FrozenRecord[] {
  return FROZEN_RECORD_FILES.map((path) => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`a frozen version needs ${path}`);
    return { path, sha512: sha512Hex(bytes, createHash) };
  });
}

/**
 * Sign-offs cover data/deliverable/ only; its manifest.json records the sha512 of task.json, the QC
 * results and the time entries, and where the audit log ended, as they were frozen. A package whose
 * copies differ is not what the analyst signed, even if its signer re-signed the bag. Events logged
 * after the frozen head (review decisions) may follow it. No manifest, nothing to check: whether a
 * package must carry one depends on its kind and is checked with the other required documents.
 * `root` is how `files` prefix data/ (`data/` for a bag, `` for payload files).
 */
export function checkFrozenRecords(
  files: ReadonlyMap<string, Uint8Array>,
  options: { root?: string; createHash?: CreateHash } = {},
): PackageFinding[] {
  const root = options.root ?? 'data/';
  const manifestFile = `${root}${DELIVERABLE_MANIFEST}`;
  const bytes = files.get(manifestFile);
  if (!bytes) return [];
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return [
      {
        severity: 'error',
        file: manifestFile,
        rule: SCHEMA_RULE,
        code: 'malformed-json',
        message: `not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  const parsed = frozenPartSchema.safeParse(value);
  if (!parsed.success) return schemaFindings(manifestFile, parsed.error);
  const { version, records, auditHead } = parsed.data;
  const signedIn = `the analyst signed in version ${String(version)}`;

  const findings: PackageFinding[] = [];
  const finding = (file: string, code: string, message: string): void => {
    findings.push({ severity: 'error', file, rule: RULE, code, message });
  };
  for (const record of records) {
    const file = `${root}${record.path}`;
    const recorded = files.get(file);
    if (!recorded) {
      finding(file, 'frozen-record-missing', `missing, but it is part of what ${signedIn} (${manifestFile})`);
    } else if (sha512Hex(recorded, options.createHash) !== record.sha512) {
      finding(
        file,
        'frozen-record-mismatch',
        `not the one ${signedIn} (sha512 differs from ${manifestFile})`,
      );
    }
  }
  if (auditHead) {
    const problem = frozenHeadProblem(files.get(`${root}${AUDIT_LOG}`), auditHead, version, manifestFile);
    if (problem) finding(`${root}${AUDIT_LOG}`, problem.code, problem.message);
  }
  return findings;
}

function frozenHeadProblem(
  bytes: Uint8Array | undefined,
  head: FrozenAuditHead,
  version: number,
  manifestFile: string,
): { code: string; message: string } | undefined {
  const frozen = `the ${String(head.events)} audit events version ${String(version)} was frozen with`;
  if (!bytes) {
    return { code: 'frozen-audit-missing', message: `missing, but ${manifestFile} records ${frozen}` };
  }
  const events = parseEvents(bytes);
  if (typeof events === 'string') {
    return { code: 'frozen-audit-unreadable', message: `${events}, so ${frozen} cannot be checked` };
  }
  if (events.length < head.events) {
    return {
      code: 'frozen-audit-mismatch',
      message: `holds ${String(events.length)} events, fewer than ${frozen} (${manifestFile}): frozen events were removed`,
    };
  }
  const last = events[head.events - 1];
  if (last?.hash !== head.hash) {
    return {
      code: 'frozen-audit-mismatch',
      message: `line ${String(head.events)} is not the last of ${frozen}: its hash differs from ${manifestFile}, so a frozen event was removed, inserted or rewritten`,
    };
  }
  const broken = checkAuditChain(events.slice(0, head.events))[0];
  if (broken) {
    return {
      code: 'frozen-audit-mismatch',
      message: `line ${String(broken.line)}, one of ${frozen}: ${broken.message}`,
    };
  }
  return undefined;
}

/** The events of events.jsonl, or why they cannot be read. */
function parseEvents(bytes: Uint8Array): AuditEvent[] | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8 text';
  }
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (text === '') return [];
  const events: AuditEvent[] = [];
  for (const [index, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return `line ${String(index + 1)} is not JSON`;
    }
    const parsed = auditEventSchema.safeParse(value);
    if (!parsed.success) return `line ${String(index + 1)} is not an audit event`;
    events.push(parsed.data);
  }
  return events;
}

function sha512Hex(bytes: Uint8Array, createHash: CreateHash = nobleCreateHash): string {
  const hash = createHash('sha512');
  hash.update(bytes);
  return hash.digestHex();
}
