import type { CreateHash } from '../bagit';
import { createHash as nobleCreateHash } from '../bagit';
import type { Ed25519Sign, MinisignPublicKey } from '../minisign';
import { createSignature, formatKeyId, verifySignature } from '../minisign';
import { canonicalJson } from './canonical-json';
import type { Signoff } from './schemas/signoffs';

export const DELIVERABLE_PREFIX = 'data/deliverable/';

const encoder = new TextEncoder();

/**
 * sha512 over `<sha512-hex>  <path>\n` for every file under data/deliverable/, sorted by path: the
 * same shape as a BagIt manifest, so a sign-off names exactly the deliverable it approves and any
 * added, removed, renamed or edited deliverable file changes the digest.
 */
export function computeContentDigest(
  files: ReadonlyMap<string, Uint8Array>,
  createHash: CreateHash = nobleCreateHash,
): string {
  const paths = [...files.keys()].filter((path) => path.startsWith(DELIVERABLE_PREFIX)).sort();
  let listing = '';
  for (const path of paths) {
    const hash = createHash('sha512');
    hash.update(files.get(path) ?? new Uint8Array());
    listing += `${hash.digestHex()}  ${path}\n`;
  }
  const digest = createHash('sha512');
  digest.update(encoder.encode(listing));
  return digest.digestHex();
}

/** The signed bytes: the sign-off without its signature, canonically serialised. */
export function signoffMessage(signoff: Omit<Signoff, 'signature'>): Uint8Array {
  const { role, signer, date, contentDigest, statement } = signoff;
  return encoder.encode(canonicalJson({ role, signer, date, contentDigest, statement }));
}

export async function createSignoff(
  signoff: Omit<Signoff, 'signature' | 'signer'> & { signer: { name: string } },
  key: { keyId: Uint8Array; sign: Ed25519Sign },
): Promise<Signoff> {
  const unsigned = { ...signoff, signer: { name: signoff.signer.name, keyId: formatKeyId(key.keyId) } };
  const signature = await createSignature({
    message: signoffMessage(unsigned),
    keyId: key.keyId,
    sign: key.sign,
    trustedComment: `kpo signoff role=${unsigned.role} signer=${unsigned.signer.keyId} date=${unsigned.date}`,
  });
  return { ...unsigned, signature };
}

export function verifySignoff(
  signoff: Signoff,
  publicKey: MinisignPublicKey,
): { ok: true } | { ok: false; reason: string } {
  const result = verifySignature({
    message: signoffMessage(signoff),
    signature: signoff.signature,
    publicKey,
  });
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}
