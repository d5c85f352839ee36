import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './schemas/audit-event';
import { appendAuditEvent, checkAuditChain } from './audit-chain';

function sampleLog(): AuditEvent[] {
  let log: AuditEvent[] = [];
  for (let i = 0; i < 4; i += 1) {
    log = appendAuditEvent(log, {
      at: `2026-11-2${i}T10:00:00.000Z`,
      actor: 'ABCDEF0123456789',
      type: i === 0 ? 'task.created' : 'qc.item-marked',
      data: { itemId: `item-${i}`, result: 'pass' },
    });
  }
  return log;
}

const tamper: Record<keyof AuditEvent, (event: AuditEvent) => AuditEvent> = {
  seq: (e) => ({ ...e, seq: e.seq + 10 }),
  at: (e) => ({ ...e, at: '2020-01-01T00:00:00.000Z' }),
  actor: (e) => ({ ...e, actor: 'FFFFFFFFFFFFFFFF' }),
  type: (e) => ({ ...e, type: 'task.deleted' }),
  data: (e) => ({ ...e, data: { ...e.data, result: 'fail' } }),
  prevHash: (e) => ({ ...e, prevHash: 'a'.repeat(64) }),
  hash: (e) => ({ ...e, hash: 'b'.repeat(64) }),
};

describe('audit chain', () => {
  it('an untouched log is intact', () => {
    expect(checkAuditChain(sampleLog())).toEqual([]);
  });

  for (const [field, edit] of Object.entries(tamper)) {
    for (let position = 0; position < 4; position += 1) {
      it(`detects an edited ${field} in event ${position + 1}, at that event`, () => {
        const log = sampleLog();
        log[position] = edit(log[position]!);
        const problems = checkAuditChain(log);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems[0]?.line).toBe(position + 1);
      });
    }
  }

  it('detects a removed, an inserted and a swapped event', () => {
    const removed = sampleLog().filter((_, i) => i !== 1);
    expect(checkAuditChain(removed)[0]?.line).toBe(2);

    const log = sampleLog();
    const inserted = [...log.slice(0, 2), log[1]!, ...log.slice(2)];
    expect(checkAuditChain(inserted)[0]?.line).toBe(3);

    const swapped = sampleLog();
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(checkAuditChain(swapped)[0]?.line).toBe(2);
  });

  it('detects a data edit even when the attacker recomputes that event hash', () => {
    const log = sampleLog();
    const [edited] = appendAuditEvent(log.slice(0, 1), { ...log[1]!, data: { forged: true } }).slice(-1);
    log[1] = edited!;
    // Event 2 is self-consistent now, but event 3 still points at the original.
    expect(checkAuditChain(log).map((p) => [p.line, p.code])).toEqual([[3, 'audit-chain-broken']]);
  });
});
