// Test-only: edit a built bag the way an attacker with the unzipped files would, and re-zip it.
import { buildBag, createHash } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { createSignature, encodePublicKey } from '../minisign';
import { writeZip } from '../zip';
import { SIGNATURE_FILE, SIGNED_TAG_MANIFEST, SIGNER_KEY_FILE } from './bag-info-labels';
import type { TestKey } from './fixtures.test-support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function zipBag(files: ReadonlyMap<string, Uint8Array>, rootDir: string): Uint8Array {
  return writeZip(
    [...files].map(([path, data]) => ({ path, data })),
    { rootDir },
  );
}

export function editText(
  files: Map<string, Uint8Array>,
  path: string,
  change: (text: string) => string,
): void {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`no ${path} to edit`);
  const changed = change(decoder.decode(bytes));
  if (changed === decoder.decode(bytes)) throw new Error(`edit of ${path} changed nothing`);
  files.set(path, encoder.encode(changed));
}

/** Flips one byte, so a test can be sure exactly one byte differs. */
export function flipByte(files: Map<string, Uint8Array>, path: string, index: number): void {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`no ${path} to edit`);
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  files.set(path, copy);
}

/** What a forger does after editing payload files: recompute the payload manifest to match. */
export function rewritePayloadManifest(files: Map<string, Uint8Array>): void {
  const payload = new Map([...files].filter(([path]) => path.startsWith('data/')));
  const rebuilt = buildBag({ payload, info: {}, algorithms: ['sha512'] });
  files.set('manifest-sha512.txt', rebuilt.get('manifest-sha512.txt') ?? new Uint8Array());
  const oxum = [...payload.values()].reduce((n, bytes) => n + bytes.length, 0);
  const bagInfo = decoder.decode(files.get('bag-info.txt'));
  const fixed = bagInfo.replace(/Payload-Oxum: .*/, `Payload-Oxum: ${String(oxum)}.${String(payload.size)}`);
  files.set('bag-info.txt', encoder.encode(fixed));
}

/** Recomputes the tag manifest over every tag file, as a forger covering their tracks would. */
export function rewriteTagManifest(files: Map<string, Uint8Array>): void {
  const lines = [...files.keys()]
    .filter((path) => !path.startsWith('data/') && !path.startsWith('tagmanifest-'))
    .sort()
    .map((path) => {
      const hash = createHash('sha512');
      hash.update(files.get(path) ?? new Uint8Array());
      return `${hash.digestHex()}  ${path}\n`;
    });
  files.set(SIGNED_TAG_MANIFEST, encoder.encode(lines.join('')));
}

/** Re-signs the tag manifest with `key`, optionally also swapping the embedded signer.pub for it. */
export async function resign(
  files: Map<string, Uint8Array>,
  key: TestKey,
  options: { embedKey: boolean; trustedComment: string; claimedKeyId?: Uint8Array },
): Promise<void> {
  if (options.embedKey) {
    const publicKey: MinisignPublicKey = { keyId: key.secret.keyId, publicKey: key.secret.publicKey };
    files.set(SIGNER_KEY_FILE, encoder.encode(encodePublicKey(publicKey)));
  }
  rewriteTagManifest(files);
  const signature = await createSignature({
    message: files.get(SIGNED_TAG_MANIFEST) ?? new Uint8Array(),
    keyId: options.claimedKeyId ?? key.secret.keyId,
    sign: key.signer.sign,
    trustedComment: options.trustedComment,
  });
  files.set(SIGNATURE_FILE, encoder.encode(signature));
}

export function trustedCommentOf(files: ReadonlyMap<string, Uint8Array>): string {
  const line = decoder.decode(files.get(SIGNATURE_FILE)).split('\n')[2] ?? '';
  return line.replace(/^trusted comment: /, '');
}

/**
 * Edits the payload (keyed relative to data/ for `edit`), re-hashes the bag and re-signs it with
 * `signer`, keeping the signature's trusted comment: what a package signer rewriting what they
 * received would do. The bag verifies afterwards; only what it says inside can give it away.
 */
export async function editPayloadAndResign(
  bag: Map<string, Uint8Array>,
  signer: TestKey,
  edit: (payload: Map<string, Uint8Array>) => void,
): Promise<void> {
  const payload = new Map(
    [...bag].filter(([path]) => path.startsWith('data/')).map(([path, bytes]) => [path.slice(5), bytes]),
  );
  edit(payload);
  for (const path of [...bag.keys()]) if (path.startsWith('data/')) bag.delete(path);
  for (const [path, bytes] of payload) bag.set(`data/${path}`, bytes);
  rewritePayloadManifest(bag);
  await resign(bag, signer, { embedKey: true, trustedComment: trustedCommentOf(bag) });
}
