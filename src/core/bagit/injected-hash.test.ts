import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CreateHash } from './algorithms';
import { buildBag } from './build-bag';
import { validateBag } from './validate-bag';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const nodeHash: CreateHash = (algorithm) => {
  const hash = nodeCreateHash(algorithm);
  return {
    update: (chunk) => {
      hash.update(chunk);
    },
    digestHex: () => hash.digest('hex'),
  };
};

const payload = new Map([['data/a.csv', text('x,y\n1,2\n')]]);
const info = { 'Source-Organization': 'Acme' };

describe('injectable hashing', () => {
  it('node:crypto and noble produce interchangeable bags', () => {
    const withNode = buildBag({ payload, info, now: new Date(0), createHash: nodeHash });
    const withNoble = buildBag({ payload, info, now: new Date(0) });
    expect(withNode).toEqual(withNoble);
    expect(validateBag(withNoble, { createHash: nodeHash }).valid).toBe(true);
  });

  it('validation really uses the injected hash (a broken one fails fixity)', () => {
    const bag = buildBag({ payload, info, now: new Date(0) });
    const broken: CreateHash = () => ({ update: () => undefined, digestHex: () => '0'.repeat(128) });
    const result = validateBag(bag, { createHash: broken });
    expect(result.valid).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('checksum-mismatch');
  });
});
