import { describe, expect, it } from 'vitest';
import type { GateInput, GateItem, GateResult } from './submission-gate';
import { checkSubmissionGate, effectiveResult } from './submission-gate';

const item = (id: string, overrides: Partial<GateItem> = {}): GateItem => ({
  id,
  text: `check ${id}`,
  severity: 'major',
  evidenceRequired: false,
  ...overrides,
});

const result = (value: GateResult['result'], overrides: Partial<GateResult> = {}): GateResult => ({
  result: value,
  comment: '',
  evidence: [],
  justification: '',
  ...overrides,
});

const gate = (input: Partial<GateInput>) =>
  checkSubmissionGate({
    items: [],
    results: {},
    automatic: {},
    existingEvidence: new Set(['chart:c1', 'source:s1']),
    ...input,
  });

describe('submission gate', () => {
  it('allows submission when every item has an acceptable result', () => {
    expect(
      gate({
        items: [item('a', { severity: 'critical' }), item('b'), item('c', { severity: 'minor' })],
        results: { a: result('pass'), b: result('fail'), c: result('not-applicable') },
      }),
    ).toEqual({ canSubmit: true, reasons: [] });
  });

  it('blocks on an open item, explicit or missing', () => {
    const verdict = gate({ items: [item('a'), item('b')], results: { a: result('open') } });
    expect(verdict.canSubmit).toBe(false);
    expect(verdict.reasons).toEqual([
      "Item 1 ('check a') has no result: every item needs a result",
      "Item 2 ('check b') has no result: every item needs a result",
    ]);
  });

  it('blocks a failing or not-applicable critical item without a justification', () => {
    const items = [item('a', { severity: 'critical' }), item('b', { severity: 'critical' })];
    const verdict = gate({ items, results: { a: result('fail'), b: result('not-applicable') } });
    expect(verdict.reasons).toEqual([
      "Item 1 ('check a') is critical and fails: write a justification",
      "Item 2 ('check b') is critical and is marked not applicable: write a justification",
    ]);
  });

  it('a whitespace justification does not count; a written one does', () => {
    const items = [item('a', { severity: 'critical' })];
    expect(gate({ items, results: { a: result('fail', { justification: '  ' }) } }).canSubmit).toBe(false);
    expect(
      gate({ items, results: { a: result('fail', { justification: 'Client waived it by e-mail' }) } }),
    ).toEqual({ canSubmit: true, reasons: [] });
  });

  it('blocks a pass that requires evidence but links none', () => {
    const items = [item('a', { evidenceRequired: true })];
    expect(gate({ items, results: { a: result('pass', { evidence: [' '] }) } }).reasons).toEqual([
      "Item 1 ('check a') requires evidence: link the evidence it passes on",
    ]);
    expect(gate({ items, results: { a: result('pass', { evidence: ['chart:c1'] }) } }).canSubmit).toBe(true);
    // A failing item needs no evidence of passing.
    expect(gate({ items, results: { a: result('fail') } }).canSubmit).toBe(true);
  });

  it('resolves evidence links: one to something deleted is named and is not evidence', () => {
    const items = [item('a', { evidenceRequired: true }), item('b')];
    const verdict = gate({
      items,
      results: {
        a: result('pass', { evidence: ['chart:gone-chart-1'] }),
        b: result('pass', { evidence: ['source:s1', 'finding:f9'] }),
      },
    });
    expect(verdict.reasons).toEqual([
      "Item 1 ('check a') links a chart that no longer exists (gone-cha): remove or replace it",
      "Item 1 ('check a') requires evidence: link the evidence it passes on",
      "Item 2 ('check b') links a finding that no longer exists (f9): remove or replace it",
    ]);
    // Free text is evidence as written, and links that resolve count.
    expect(
      gate({
        items,
        results: {
          a: result('pass', { evidence: ['Client e-mail of 3 March', 'chart:c1'] }),
          b: result('pass'),
        },
      }),
    ).toEqual({ canSubmit: true, reasons: [] });
  });

  it('an automatic item takes its computed state, whatever the analyst marked', () => {
    const items = [item('a', { automaticCheck: 'time-logged' })];
    const failing = { 'time-logged': { state: 'fail' as const, reasons: ['No time'] } };
    const passing = { 'time-logged': { state: 'pass' as const, reasons: [] } };
    expect(effectiveResult(items[0]!, result('pass'), failing)).toBe('fail');
    expect(effectiveResult(items[0]!, undefined, passing)).toBe('pass');
    expect(gate({ items, results: { a: result('pass') }, automatic: failing }).reasons).toEqual([
      "Item 1 ('check a') fails its automatic check: fix it or write a justification",
    ]);
    expect(
      gate({
        items,
        results: { a: result('pass', { justification: 'Logged on paper' }) },
        automatic: failing,
      }).canSubmit,
    ).toBe(true);
    expect(gate({ items, results: {}, automatic: passing }).canSubmit).toBe(true);
  });

  it('an automatic item whose check has not run is open', () => {
    const items = [item('a', { automaticCheck: 'time-logged' })];
    expect(gate({ items, results: { a: result('pass') } }).reasons).toEqual([
      "Item 1 ('check a') has no result: every item needs a result",
    ]);
  });

  it('a failing critical automatic item reports the critical rule once', () => {
    const items = [item('a', { severity: 'critical', automaticCheck: 'every-question-answered' })];
    const automatic = { 'every-question-answered': { state: 'fail' as const, reasons: ['Q1'] } };
    expect(gate({ items, automatic }).reasons).toEqual([
      "Item 1 ('check a') is critical and fails: write a justification",
    ]);
  });

  it('lists every reason, not just the first', () => {
    const items = [item('a'), item('b', { severity: 'critical' }), item('c', { evidenceRequired: true })];
    const verdict = gate({ items, results: { b: result('fail'), c: result('pass') } });
    expect(verdict.reasons).toHaveLength(3);
  });
});
