import type { BagFiles } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { formatKeyId, parsePublicKey, parseSignature, verifySignature } from '../minisign';
import { parseTrustedComment, SIGNATURE_FILE, SIGNED_TAG_MANIFEST, SIGNER_KEY_FILE } from './bag-info-labels';
import type { PackageFinding, PackageInfo, TrustedKey } from './types';

export type SignatureOutcome =
  | { state: 'unsigned'; findings: PackageFinding[]; keyId?: string }
  | { state: 'invalid'; findings: PackageFinding[]; keyId?: string }
  | { state: 'verified'; trusted: TrustedKey | null; keyId: string; findings: PackageFinding[] };

const RULE = 'KPO §6 signature';
const decoder = new TextDecoder();

/**
 * Checks the minisign signature over tagmanifest-sha512.txt. A key in the trust list is always
 * preferred over the embedded one, so an attacker who swaps signer.pub and re-signs can at best
 * appear as an unknown signer with their own key id, never as someone we trust.
 */
export function checkPackageSignature(
  files: BagFiles,
  trustedKeys: readonly TrustedKey[],
  info: PackageInfo,
): SignatureOutcome {
  const error = (code: string, message: string, file = SIGNATURE_FILE): PackageFinding => ({
    severity: 'error',
    file,
    rule: RULE,
    code,
    message,
  });
  const signatureBytes = files.get(SIGNATURE_FILE);
  const message = files.get(SIGNED_TAG_MANIFEST);
  if (!signatureBytes) return { state: 'unsigned', findings: [] };
  if (!message) {
    return {
      state: 'invalid',
      findings: [error('signed-file-missing', `${SIGNED_TAG_MANIFEST} is missing`)],
    };
  }
  const signatureText = decoder.decode(signatureBytes);
  const parsed = parseSignature(signatureText);
  if (!parsed.ok) return { state: 'invalid', findings: [error('signature-malformed', parsed.reason)] };
  const keyId = formatKeyId(parsed.signature.keyId);

  const trusted = trustedKeys.find((key) => key.keyId.toUpperCase() === keyId) ?? null;
  let key: MinisignPublicKey;
  const embedded = readEmbeddedKey(files);
  if (embedded && 'error' in embedded) return { state: 'invalid', keyId, findings: [embedded.error] };
  if (trusted) {
    const parsedTrusted = parsePublicKey(trusted.publicKey);
    if (!parsedTrusted.ok) {
      return {
        state: 'invalid',
        keyId,
        findings: [error('trusted-key-invalid', `trusted key ${keyId}: ${parsedTrusted.error}`)],
      };
    }
    key = parsedTrusted.key;
  } else if (embedded) {
    key = embedded.key;
  } else {
    return {
      state: 'unsigned',
      keyId,
      findings: [
        {
          severity: 'warning',
          file: SIGNATURE_FILE,
          rule: RULE,
          code: 'signature-unverifiable',
          message: `signed by key ${keyId}, which is neither trusted nor embedded (${SIGNER_KEY_FILE}); the signature was not checked`,
        },
      ],
    };
  }

  const result = verifySignature({ message, signature: signatureText, publicKey: key });
  if (!result.ok) {
    return { state: 'invalid', keyId, findings: [error(`signature-${result.code}`, result.reason)] };
  }
  const findings: PackageFinding[] = [];
  if (embedded && trusted && formatKeyId(embedded.key.keyId) !== keyId) {
    findings.push(
      error(
        'embedded-key-mismatch',
        `${SIGNER_KEY_FILE} is not the key that signed the package`,
        SIGNER_KEY_FILE,
      ),
    );
  }
  findings.push(...checkTrustedComment(result.trustedComment, keyId, info, error));
  if (findings.some((finding) => finding.severity === 'error')) return { state: 'invalid', keyId, findings };
  return { state: 'verified', trusted, keyId, findings };
}

function readEmbeddedKey(files: BagFiles): { key: MinisignPublicKey } | { error: PackageFinding } | null {
  const bytes = files.get(SIGNER_KEY_FILE);
  if (!bytes) return null;
  const parsed = parsePublicKey(decoder.decode(bytes));
  if (!parsed.ok) {
    return {
      error: {
        severity: 'error',
        file: SIGNER_KEY_FILE,
        rule: RULE,
        code: 'signer-key-invalid',
        message: parsed.error,
      },
    };
  }
  return { key: parsed.key };
}

/** The signature must speak about this package: guards against a signature lifted from another bag. */
function checkTrustedComment(
  comment: string,
  keyId: string,
  info: PackageInfo,
  error: (code: string, message: string) => PackageFinding,
): PackageFinding[] {
  if (!comment.startsWith('kpo ') || info.kind === null) return [];
  const fields = parseTrustedComment(comment);
  const expected: [string, string | null][] = [
    ['package', info.packageId],
    ['kind', info.kind],
    ['task', info.taskId === null ? null : encodeURIComponent(info.taskId)],
    ['signer', keyId],
  ];
  return expected
    .filter(([name, value]) => fields[name] !== value)
    .map(([name, value]) =>
      error(
        'trusted-comment-mismatch',
        `the signature's trusted comment says ${name}=${fields[name] ?? '(none)'} but the package has ${value ?? '(none)'}`,
      ),
    );
}
