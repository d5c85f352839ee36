import { describe, expect, it } from 'vitest';
import { acceptanceMismatches, deliveryHistory, lastDelivery } from './delivery';

const moved = (data: Record<string, unknown>) => ({ type: 'task.state-changed', data });
const DIGEST = 'd'.repeat(128);

describe('lastDelivery', () => {
  it('names the package the task was delivered in and the digest approved before it', () => {
    expect(
      lastDelivery([
        moved({ to: 'submitted' }),
        moved({ to: 'approved', version: 2, contentDigest: DIGEST }),
        { type: 'package.received', data: { kind: 'deliverable', packageId: 'other' } },
        moved({ to: 'delivered', version: 2, packageId: 'deliverable-1' }),
      ]),
    ).toEqual({ packageId: 'deliverable-1', version: 2, contentDigest: DIGEST });
  });

  it('reads the package a received delivery came in, and finds none in a log without one', () => {
    expect(lastDelivery([moved({ to: 'delivered', via: 'deliverable-2' })])).toEqual({
      packageId: 'deliverable-2',
    });
    expect(lastDelivery([moved({ to: 'assigned' }), moved({ to: 'in_progress' })])).toBeUndefined();
  });
});

describe('acceptanceMismatches', () => {
  const delivery = { packageId: 'deliverable-1', version: 2, contentDigest: DIGEST };

  it('finds nothing wrong with a decision on what was delivered', () => {
    expect(
      acceptanceMismatches(
        { deliverablePackageId: 'deliverable-1', signoff: { contentDigest: DIGEST } },
        delivery,
      ),
    ).toEqual([]);
  });

  it('names another package and other content', () => {
    expect(
      acceptanceMismatches(
        { deliverablePackageId: 'deliverable-0', signoff: { contentDigest: 'e'.repeat(128) } },
        delivery,
      ),
    ).toEqual([
      'the decision is about deliverable package deliverable-0, but the task was delivered as package deliverable-1',
      'the client signed off content eeeeeeeeeeee…, but version 2 has digest dddddddddddd…',
    ]);
  });
});

describe('deliveryHistory', () => {
  const at = (day: number) => `2026-03-0${String(day)}T10:00:00.000Z`;
  const move = (day: number, actor: string, data: Record<string, unknown>) => ({
    type: 'task.state-changed',
    at: at(day),
    actor,
    data,
  });

  it('says when the task was delivered, by whom, and what the client decided', () => {
    expect(
      deliveryHistory([
        move(1, 'ANA', { to: 'submitted', version: 1 }),
        move(2, 'REX', { to: 'approved', version: 1, contentDigest: DIGEST }),
        move(3, 'REX', { to: 'delivered', version: 1, contentDigest: DIGEST, packageId: 'del-1' }),
        { type: 'package.received', at: at(4), actor: 'CORA', data: { kind: 'acceptance' } },
        move(4, 'NINA', {
          to: 'rejected',
          by: 'client',
          via: 'acc-1',
          decision: 'rejected',
          comments: 'Missing Q2.',
          signer: 'Nina Northwind',
          senderName: 'Nina',
        }),
      ]),
    ).toEqual({
      delivered: { at: at(3), actor: 'REX', version: 1, packageId: 'del-1' },
      decision: {
        at: at(4),
        actor: 'NINA',
        senderName: 'Nina',
        decision: 'rejected',
        comments: 'Missing Q2.',
        signer: 'Nina Northwind',
      },
    });
  });

  it('has nothing to say before a delivery, and no decision until one follows it', () => {
    expect(deliveryHistory([move(1, 'ANA', { to: 'submitted' })])).toEqual({});
    expect(deliveryHistory([move(1, 'REX', { to: 'delivered', via: 'del-2', senderName: 'Rex' })])).toEqual({
      delivered: { at: at(1), actor: 'REX', senderName: 'Rex', packageId: 'del-2' },
    });
  });
});
