import { describe, expect, it } from 'vitest';
import { formatElapsed, formatMinutes } from './format-duration';

describe('durations', () => {
  it('formats minutes the way people log time', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(65)).toBe('1 h 05 min');
  });

  it('formats a running timer as H:MM:SS, never negative', () => {
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5000)).toBe('0:00:00');
  });
});
