import { describe, expect, it } from 'vitest';
import { reviewThreads, threadsElsewhere } from './review-threads';

const comment = (id: string, at: string, extra: { parentId?: string; target?: string } = {}) => ({
  id,
  at: `2025-03-04T0${at}:00:00Z`,
  version: 1,
  target: extra.target ?? 'answer:1',
  resolved: false,
  ...(extra.parentId === undefined ? {} : { parentId: extra.parentId }),
});

describe('reviewThreads', () => {
  it('gathers replies, and replies to replies, under the first comment, oldest first', () => {
    const threads = reviewThreads([
      comment('r2', '3', { parentId: 'r1' }),
      comment('a', '1'),
      comment('r1', '2', { parentId: 'a' }),
      comment('b', '4', { target: 'chart:c1' }),
    ]);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['r1', 'r2']],
      ['b', []],
    ]);
  });

  it('keeps a reply whose thread start is missing as a thread of its own, and survives a parent cycle', () => {
    const threads = reviewThreads([
      comment('orphan', '1', { parentId: 'deleted' }),
      comment('x', '2', { parentId: 'y' }),
      comment('y', '3', { parentId: 'x' }),
    ]);
    expect(
      threads
        .flatMap((t) => [t.root, ...t.replies])
        .map((c) => c.id)
        .sort(),
    ).toEqual(['orphan', 'x', 'y']);
  });

  it('picks the threads on targets the version does not show', () => {
    const threads = reviewThreads([
      comment('a', '1', { target: 'section:Old title' }),
      comment('b', '2', { target: 'section:Findings' }),
    ]);
    expect(threadsElsewhere(threads, new Set(['section:Findings'])).map((t) => t.root.id)).toEqual(['a']);
  });
});
