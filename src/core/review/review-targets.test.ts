import { describe, expect, it } from 'vitest';
import {
  capitalise,
  describeReviewTarget,
  parseReviewTarget,
  reviewTargetNames,
  sectionTarget,
} from './review-targets';

const names = reviewTargetNames([
  {
    questions: [{ number: 1, text: 'Which region grew fastest?' }],
    charts: [{ id: 'c1', title: 'Growth (draft)' }],
    tables: [{ id: 'v1', name: 'Growth table' }],
    checklist: { items: [{ id: 'q1', text: 'Sources cited' }] },
  },
  {
    questions: [{ number: 1, text: 'Which region grew fastest?' }],
    charts: [{ id: 'c1', title: 'Growth by region' }],
    tables: [],
    checklist: null,
  },
]);

describe('review targets', () => {
  it('numbers repeated section headings from the second on, and reads them back', () => {
    expect(sectionTarget('Findings')).toBe('section:Findings');
    expect(sectionTarget('Growth', 2)).toBe('section:Growth #2');
    expect(parseReviewTarget('section:Growth #2')).toEqual({
      kind: 'section',
      heading: 'Growth',
      occurrence: 2,
    });
    expect(parseReviewTarget('section:Item #1')).toEqual({
      kind: 'section',
      heading: 'Item #1',
      occurrence: 1,
    });
    expect(parseReviewTarget('answer:x')).toEqual({ kind: 'other', raw: 'answer:x' });
    expect(parseReviewTarget('report')).toEqual({ kind: 'report' });
  });

  it('describes every kind of target by name, the latest version’s name winning, never as the raw target', () => {
    expect(describeReviewTarget('answer:1', names)).toBe(
      'the answer to question 1 "Which region grew fastest?"',
    );
    expect(describeReviewTarget('chart:c1', names)).toBe('chart "Growth by region"');
    expect(describeReviewTarget('table:v1', names)).toBe('table "Growth table"');
    expect(describeReviewTarget('qc:q1', names)).toBe('QC item "Sources cited"');
    expect(describeReviewTarget('section:Quality control', names)).toBe('report section "Quality control"');
    expect(describeReviewTarget('section:Growth #2', names)).toBe(
      'report section "Growth" (the 2nd with that heading)',
    );
    expect(describeReviewTarget('report')).toBe('the report as a whole');
  });

  it('falls back to the id where no name is known', () => {
    expect(describeReviewTarget('chart:gone')).toBe('chart gone');
    expect(describeReviewTarget('table:t9', names)).toBe('table t9');
    expect(describeReviewTarget('answer:3', names)).toBe('the answer to question 3');
    expect(capitalise(describeReviewTarget('qc:zz'))).toBe('QC item zz');
  });
});
