import { describe, expect, it } from 'vitest';
import { SaveTargets } from './save-targets';

describe('SaveTargets', () => {
  it('gives a chosen path back once, to the window that chose it', () => {
    const targets = new SaveTargets();
    const token = targets.add('/home/ana/v1.submission.kpo', 1);
    expect(() => targets.take(token, 2)).toThrow(/choose where to save again/);
    expect(targets.take(token, 1)).toBe('/home/ana/v1.submission.kpo');
    expect(() => targets.take(token, 1)).toThrow(/already used/);
    expect(() => targets.take('not-a-token', 1)).toThrow(/unknown/);
  });

  it('drops the oldest unused choices past its limit', () => {
    let n = 0;
    const targets = new SaveTargets(2, () => `t${++n}`);
    targets.add('/a', 1);
    targets.add('/b', 1);
    targets.add('/c', 1);
    expect(() => targets.take('t1', 1)).toThrow();
    expect(targets.take('t2', 1)).toBe('/b');
    expect(targets.take('t3', 1)).toBe('/c');
  });
});
