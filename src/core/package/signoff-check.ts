import type { CreateHash } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { parsePublicKey } from '../minisign';
import { parseJsonFile, SIGNOFFS_FILE } from './payload-documents';
import { signoffsSchema } from './schemas/signoffs';
import { computeContentDigest, verifySignoff } from './signoff';
import type { PackageFinding, TrustedKey } from './types';

const RULE = 'KPO §7 sign-off';

/**
 * Each sign-off must name the deliverable actually in the package and be signed by its signer.
 * Keys come from the trust list or, for the package's own signer, the embedded key; a sign-off by
 * a key we hold neither way is reported as unchecked rather than guessed at.
 */
export function checkSignoffs(
  files: ReadonlyMap<string, Uint8Array>,
  trustedKeys: readonly TrustedKey[],
  packageSigner: { keyId: string; key: MinisignPublicKey } | null,
  createHash?: CreateHash,
): PackageFinding[] {
  const parsed = parseJsonFile(files, SIGNOFFS_FILE);
  if (parsed === undefined || 'finding' in parsed) return [];
  const result = signoffsSchema.safeParse(parsed.value);
  if (!result.success) return [];
  const findings: PackageFinding[] = [];
  const digest = result.data.signoffs.length > 0 ? computeContentDigest(files, createHash) : '';
  result.data.signoffs.forEach((signoff, index) => {
    const where = `$.signoffs[${index}] (${signoff.role}, ${signoff.signer.name})`;
    const finding = (severity: 'error' | 'warning', code: string, message: string): PackageFinding => ({
      severity,
      file: SIGNOFFS_FILE,
      rule: RULE,
      code,
      message: `${where}: ${message}`,
    });
    if (signoff.contentDigest !== digest) {
      findings.push(
        finding(
          'error',
          'signoff-digest-mismatch',
          'signed a different deliverable than the one in this package',
        ),
      );
    }
    const trusted = trustedKeys.find((key) => key.keyId.toUpperCase() === signoff.signer.keyId);
    const parsedTrusted = trusted ? parsePublicKey(trusted.publicKey) : undefined;
    const key =
      parsedTrusted?.ok === true
        ? parsedTrusted.key
        : packageSigner?.keyId === signoff.signer.keyId
          ? packageSigner.key
          : undefined;
    if (!key) {
      findings.push(
        finding(
          'warning',
          'signoff-signer-unknown',
          `key ${signoff.signer.keyId} is not known here; the signature was not checked`,
        ),
      );
      return;
    }
    const verified = verifySignoff(signoff, key);
    if (!verified.ok) findings.push(finding('error', 'signoff-signature-invalid', verified.reason));
  });
  return findings;
}
