import type { CreateHash } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { parsePublicKey } from '../minisign';
import { ACCEPTANCE_FILE, parseJsonFile, SIGNOFFS_FILE, TASK_FILE } from './payload-documents';
import { acceptanceSchema } from './schemas/acceptance';
import type { Signoff } from './schemas/signoffs';
import { signoffsSchema } from './schemas/signoffs';
import { taskSchema } from './schemas/task';
import type { Task } from './schemas/task';
import { computeContentDigest, verifySignoff } from './signoff';
import type { PackageFinding, TrustedKey } from './types';

const RULE = 'KPO §7 sign-off';
/** Work is approved by a second person: never by the key that attested it, and only by the reviewer the task names. */
export const FOUR_EYES_RULE = 'KPO §7 four-eyes';

export type PackageSignerKey = { keyId: string; key: MinisignPublicKey } | null;

export type SignoffSignature =
  { state: 'valid' } | { state: 'invalid'; reason: string } | { state: 'unchecked' };

/**
 * Checks one sign-off's signature. Keys come from the trust list or, for the package's own signer,
 * the embedded key; a sign-off by a key we hold neither way is `unchecked` rather than guessed at.
 */
export function checkSignoffSignature(
  signoff: Signoff,
  trustedKeys: readonly TrustedKey[],
  packageSigner: PackageSignerKey,
): SignoffSignature {
  const trusted = trustedKeys.find((key) => key.keyId.toUpperCase() === signoff.signer.keyId);
  const parsedTrusted = trusted ? parsePublicKey(trusted.publicKey) : undefined;
  const key =
    parsedTrusted?.ok === true
      ? parsedTrusted.key
      : packageSigner?.keyId === signoff.signer.keyId
        ? packageSigner.key
        : undefined;
  if (!key) return { state: 'unchecked' };
  const verified = verifySignoff(signoff, key);
  return verified.ok ? { state: 'valid' } : { state: 'invalid', reason: verified.reason };
}

/**
 * Every sign-off a package carries: each in signoffs.json must name the deliverable actually in the
 * package and be signed by its signer, by the person task.json names for that role, and an approval
 * never by the analyst's own key; the client's decision in acceptance.json must be the client's,
 * signed by whoever signed the package.
 */
export function checkSignoffs(
  files: ReadonlyMap<string, Uint8Array>,
  trustedKeys: readonly TrustedKey[],
  packageSigner: PackageSignerKey,
  createHash?: CreateHash,
): PackageFinding[] {
  return [
    ...checkSignoffList(files, trustedKeys, packageSigner, createHash),
    ...checkAcceptanceSignoff(files, trustedKeys, packageSigner),
  ];
}

const findingFor =
  (file: string, where: string) =>
  (severity: 'error' | 'warning', code: string, message: string, rule = RULE): PackageFinding => ({
    severity,
    file,
    rule,
    code,
    message: `${where}: ${message}`,
  });

function checkSignoffList(
  files: ReadonlyMap<string, Uint8Array>,
  trustedKeys: readonly TrustedKey[],
  packageSigner: PackageSignerKey,
  createHash?: CreateHash,
): PackageFinding[] {
  const signoffs = parseDocument(files, SIGNOFFS_FILE, signoffsSchema)?.signoffs;
  if (!signoffs) return [];
  const findings: PackageFinding[] = [];
  const digest = signoffs.length > 0 ? computeContentDigest(files, createHash) : '';
  const people = parseDocument(files, TASK_FILE, taskSchema)?.people;
  const analystKeys = new Set(signoffs.filter((s) => s.role === 'analyst').map((s) => s.signer.keyId));
  signoffs.forEach((signoff, index) => {
    const finding = findingFor(
      SIGNOFFS_FILE,
      `$.signoffs[${index}] (${signoff.role}, ${signoff.signer.name})`,
    );
    if (signoff.contentDigest !== digest) {
      findings.push(
        finding(
          'error',
          'signoff-digest-mismatch',
          'signed a different deliverable than the one in this package',
        ),
      );
    }
    if (signoff.role === 'reviewer' && analystKeys.has(signoff.signer.keyId)) {
      findings.push(
        finding(
          'error',
          'signoff-self-approval',
          `the approval is signed by the analyst's own key ${signoff.signer.keyId}; work must be approved by a second person (${FOUR_EYES_RULE})`,
          FOUR_EYES_RULE,
        ),
      );
    }
    const named = namedFor(signoff.role, people);
    if (named && named.keyId !== signoff.signer.keyId) {
      findings.push(
        finding(
          'error',
          'signoff-not-named-person',
          `signed by key ${signoff.signer.keyId}, but ${TASK_FILE} names ${named.name} (${named.keyId}) as the task's ${signoff.role} (${FOUR_EYES_RULE})`,
          FOUR_EYES_RULE,
        ),
      );
    }
    const signature = checkSignoffSignature(signoff, trustedKeys, packageSigner);
    if (signature.state === 'unchecked') {
      findings.push(
        finding(
          'warning',
          'signoff-signer-unknown',
          `key ${signoff.signer.keyId} is not known here; the signature was not checked`,
        ),
      );
    }
    if (signature.state === 'invalid') {
      findings.push(finding('error', 'signoff-signature-invalid', signature.reason));
    }
  });
  return findings;
}

/** The client's sign-off cannot cover content the acceptance package does not carry; who signed it can be checked. */
function checkAcceptanceSignoff(
  files: ReadonlyMap<string, Uint8Array>,
  trustedKeys: readonly TrustedKey[],
  packageSigner: PackageSignerKey,
): PackageFinding[] {
  const signoff = parseDocument(files, ACCEPTANCE_FILE, acceptanceSchema)?.signoff;
  if (!signoff) return [];
  const finding = findingFor(ACCEPTANCE_FILE, `$.signoff (${signoff.role}, ${signoff.signer.name})`);
  const findings: PackageFinding[] = [];
  if (signoff.role !== 'client') {
    findings.push(
      finding(
        'error',
        'acceptance-not-client',
        `a decision on a deliverable is signed off by the client, not the ${signoff.role}`,
      ),
    );
  }
  if (packageSigner === null) {
    findings.push(
      finding(
        'warning',
        'signoff-signer-unknown',
        'the package signature was not checked, so neither was this',
      ),
    );
    return findings;
  }
  if (signoff.signer.keyId !== packageSigner.keyId) {
    findings.push(
      finding(
        'error',
        'acceptance-signer-mismatch',
        `signed off by key ${signoff.signer.keyId}, but the package by ${packageSigner.keyId}`,
      ),
    );
    return findings;
  }
  const signature = checkSignoffSignature(signoff, trustedKeys, packageSigner);
  if (signature.state === 'invalid') {
    findings.push(finding('error', 'signoff-signature-invalid', signature.reason));
  }
  return findings;
}

function namedFor(
  role: Signoff['role'],
  people: Task['people'] | undefined,
): { name: string; keyId: string } | undefined {
  if (role === 'analyst') return people?.analyst;
  if (role === 'reviewer') return people?.reviewer;
  return undefined;
}

/** A document already reported by the schema check when malformed, so here it is simply skipped. */
function parseDocument<T>(
  files: ReadonlyMap<string, Uint8Array>,
  file: string,
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
): T | undefined {
  const parsed = parseJsonFile(files, file);
  if (parsed === undefined || 'finding' in parsed) return undefined;
  const result = schema.safeParse(parsed.value);
  return result.success ? result.data : undefined;
}
