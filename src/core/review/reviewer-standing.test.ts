import { describe, expect, it } from 'vitest';
import { reviewerStanding } from './reviewer-standing';

const ADA = { name: 'Ada Analyst', keyId: 'AAAAAAAAAAAAAAAA' };
const REX = { name: 'Rex Reviewer', keyId: 'BBBBBBBBBBBBBBBB' };

describe('reviewerStanding', () => {
  it('lets the named reviewer decide', () => {
    expect(reviewerStanding({ analyst: ADA, reviewer: REX }, REX.keyId)).toEqual({ allowed: true });
  });

  it('refuses the analyst, even when the task names them as reviewer too', () => {
    for (const reviewer of [REX, ADA]) {
      const standing = reviewerStanding({ analyst: ADA, reviewer }, ADA.keyId);
      expect(standing).toEqual({
        allowed: false,
        reason: `You are this task's analyst (key ${ADA.keyId}): your own work must be reviewed by someone else (KPO §7 four-eyes).`,
      });
    }
  });

  it('refuses anyone but the named reviewer, saying who is named', () => {
    expect(reviewerStanding({ analyst: ADA, reviewer: REX }, 'CCCCCCCCCCCCCCCC')).toEqual({
      allowed: false,
      reason: `This task names Rex Reviewer (key ${REX.keyId}) as its reviewer, and your key is CCCCCCCCCCCCCCCC: only the named reviewer can comment, approve or request changes.`,
    });
  });

  it('refuses when the task names no reviewer or there is no profile', () => {
    expect(reviewerStanding({ analyst: ADA }, REX.keyId)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/names no reviewer/) as string,
    });
    expect(reviewerStanding({ analyst: ADA, reviewer: REX }, undefined)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/Create your profile/) as string,
    });
  });
});
