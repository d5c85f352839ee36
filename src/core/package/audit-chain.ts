import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import type { AuditEvent } from './schemas/audit-event';

/** The first event's prevHash: nothing came before it. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventInput = Pick<AuditEvent, 'at' | 'actor' | 'type' | 'data'>;

/** sha256 over the canonical JSON of everything but `hash`, so any edit to an event changes it. */
export function auditEventHash(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, type, data, prevHash } = event;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ seq, at, actor, type, data, prevHash }))));
}

/** Returns a new log with the event chained on; the input log is not modified. */
export function appendAuditEvent(log: readonly AuditEvent[], input: AuditEventInput): AuditEvent[] {
  const last = log.at(-1);
  const unhashed = { ...input, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
  return [...log, { ...unhashed, hash: auditEventHash(unhashed) }];
}

export function serializeAuditLog(log: readonly AuditEvent[]): string {
  return log.map((event) => `${canonicalJson(event)}\n`).join('');
}

export interface AuditChainProblem {
  /** 1-based line in events.jsonl. */
  line: number;
  code: 'audit-seq-gap' | 'audit-chain-broken' | 'audit-hash-mismatch';
  message: string;
}

/** A removed, reordered or edited event breaks the chain at the first place it happened. */
export function checkAuditChain(log: readonly AuditEvent[]): AuditChainProblem[] {
  const problems: AuditChainProblem[] = [];
  let previous: AuditEvent | undefined;
  log.forEach((event, index) => {
    const line = index + 1;
    if (event.seq !== line) {
      problems.push({ line, code: 'audit-seq-gap', message: `seq is ${event.seq}, expected ${line}` });
    }
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (event.prevHash !== expectedPrev) {
      problems.push({
        line,
        code: 'audit-chain-broken',
        message: 'prevHash is not the hash of the event before: an event was removed, inserted or reordered',
      });
    }
    if (auditEventHash(event) !== event.hash) {
      problems.push({
        line,
        code: 'audit-hash-mismatch',
        message: 'hash does not match the event: it was edited',
      });
    }
    previous = event;
  });
  return problems;
}
