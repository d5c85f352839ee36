import { describe, expect, it } from 'vitest';
import { acceptanceMismatches, lastDelivery } from './delivery';

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
