import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBag } from './build-bag';
import { validateBag } from './validate-bag';

/** Path segments including the characters BagIt must percent-encode and other awkward ones. */
const segment = fc
  .stringMatching(/^[A-Za-z0-9 %\r\n_.\-éü漢\u{1F600}]{1,12}$/u)
  .filter((value) => value !== '.' && value !== '..' && value.trim() === value);

const fileTree = fc.uniqueArray(
  fc.tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.uint8Array({ maxLength: 64 })),
  { minLength: 1, maxLength: 12, selector: ([segments]) => segments.join('/') },
);

describe('buildBag → validateBag', () => {
  it('any payload tree builds into a bag that validates without findings', () => {
    fc.assert(
      fc.property(
        fileTree,
        fc.subarray(['md5', 'sha1', 'sha256', 'sha512'] as const, { minLength: 1 }),
        (tree, algorithms) => {
          const paths = tree.map(([segments]) => `data/${segments.join('/')}`);
          // A file and a directory cannot share a name on disk; skip trees that would need that.
          fc.pre(!paths.some((path) => paths.some((other) => other.startsWith(`${path}/`))));
          const payload = new Map(tree.map(([, bytes], index) => [paths[index]!, bytes]));
          const bag = buildBag({ payload, info: { 'Contact-Name': 'Property' }, algorithms });
          const result = validateBag(bag);
          const unexpected = result.findings.filter((finding) => finding.code !== 'weak-algorithm');
          expect(unexpected).toEqual([]);
          expect(result.valid).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('flipping any single payload byte is detected and names that file', () => {
    fc.assert(
      fc.property(fileTree, fc.nat(), fc.nat(), (tree, pick, bytePick) => {
        const withBytes = tree.filter(([, bytes]) => bytes.length > 0);
        fc.pre(withBytes.length > 0);
        const payload = new Map(tree.map(([segments, bytes]) => [`data/${segments.join('/')}`, bytes]));
        const paths = [...payload.keys()];
        fc.pre(!paths.some((path) => paths.some((other) => other.startsWith(`${path}/`))));
        const bag = buildBag({ payload, info: {} });
        const [segments, bytes] = withBytes[pick % withBytes.length]!;
        const target = `data/${segments.join('/')}`;
        const tampered = bytes.slice();
        const index = bytePick % tampered.length;
        tampered[index] = tampered[index]! ^ 0xff;
        bag.set(target, tampered);
        const errors = validateBag(bag).findings.filter((finding) => finding.severity === 'error');
        expect(errors).toEqual([expect.objectContaining({ file: target, code: 'checksum-mismatch' })]);
      }),
      { numRuns: 100 },
    );
  });
});
