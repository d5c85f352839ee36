/**
 * Stable package order: the bag's declaration and metadata first (so a human listing the zip sees
 * what it is), then manifests, tag manifests, signatures, other tag files, and the payload last.
 * Within a group, paths sort by UTF-16 code units, which is locale-independent.
 */
function rank(path: string): number {
  if (path === 'bagit.txt') return 0;
  if (path === 'bag-info.txt') return 1;
  if (/^manifest-[^/]+\.txt$/.test(path)) return 2;
  if (/^tagmanifest-[^/]+\.txt$/.test(path)) return 3;
  if (path.endsWith('.minisig') && !path.includes('/')) return 4;
  if (!path.startsWith('data/')) return 5;
  return 6;
}

export function comparePackagePaths(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
