import type { PackageFinding, VerificationStatus, VerifyPackageResult } from '../core/package';
import type { ExitCode } from './errors';
import { EXIT } from './errors';
import type { CliIo } from './io';

export function exitCodeFor(status: VerificationStatus): ExitCode {
  switch (status) {
    case 'trusted':
      return EXIT.ok;
    case 'unknown-signer':
    case 'unsigned':
      return EXIT.untrusted;
    case 'invalid':
      return EXIT.failure;
  }
}

/** One line a person reads first: the verdict and who signed. */
export function verdict(result: VerifyPackageResult): string {
  const keyId = result.signer?.keyId;
  switch (result.status) {
    case 'trusted':
      return `trusted: signed by ${result.signer?.name ? `${result.signer.name} (${keyId ?? ''})` : (keyId ?? '')}`;
    case 'unknown-signer':
      return `valid but NOT TRUSTED: signed by key ${keyId ?? ''}, which no --trust key matches`;
    case 'unsigned':
      return keyId
        ? `valid but UNSIGNED: the signature by ${keyId} could not be checked`
        : 'valid but UNSIGNED: nobody vouches for its origin';
    case 'invalid': {
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      return `INVALID: ${errors} ${errors === 1 ? 'error' : 'errors'}`;
    }
  }
}

export function describePackage(result: VerifyPackageResult): string {
  const { kind, taskId, packageId, baggingDate } = result.info;
  if (kind === null) return 'a plain BagIt bag (no KPO package labels)';
  return [
    `${kind} package ${packageId ?? '(no id)'}`,
    `for task ${taskId ?? '(none)'}`,
    ...(baggingDate ? [`bagged ${baggingDate}`] : []),
  ].join(', ');
}

/** Findings on stderr, one line each: `kpo: <input>: <file in the bag>: <message> [<rule> <code>]`. */
export function printFindings(io: CliIo, shown: string, findings: readonly PackageFinding[]): void {
  for (const finding of findings) {
    const label = finding.severity === 'warning' ? 'warning: ' : '';
    io.stderr(
      `kpo: ${shown}: ${finding.file}: ${label}${oneLine(finding.message)} [${finding.rule} ${finding.code}]\n`,
    );
  }
}

/** The machine-readable verification every --json output shares. */
export function verificationJson(shown: string, result: VerifyPackageResult) {
  return {
    file: shown,
    status: result.status,
    exitCode: exitCodeFor(result.status),
    signer: result.signer ?? null,
    package: result.info,
    findings: result.findings,
  };
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
