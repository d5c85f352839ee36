import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import type { AppliedPackage, ReceivedPackage, ReceivedPackageHandler } from './received-package-handlers';

/**
 * Imports one verified package: its kind's handler reads it, then the package is recorded as
 * received and its effects are applied in one transaction, so a refused package, a failing handler
 * or a crash half-way leaves the previous state intact and the same file can be imported again.
 * Only then does background work start (a task's dataset imports). A package already imported is
 * refused before anything else. `handlers` is RECEIVED_PACKAGE_HANDLERS in the app.
 */
export async function importReceivedPackage(
  pkg: ReceivedPackage,
  bytes: Uint8Array,
  handlers: Readonly<Partial<Record<string, ReceivedPackageHandler>>>,
): Promise<AppliedPackage> {
  const { record } = pkg;
  await repositories.receivedPackages.refuseImported(record.packageId);
  const handler = Object.hasOwn(handlers, record.kind) ? handlers[record.kind] : undefined;
  if (!handler) throw new Error('This package has no contents to import.');
  const effects = await handler(pkg);
  const applied = await repositories.receivedPackages.receive({ ...record, bytes }, effects.apply);
  if (!effects.afterCommit) return applied;
  // The package is in: whatever the background work does, the import must not be reported as failed.
  return effects.afterCommit(applied).catch((caught: unknown) => ({
    ...applied,
    message: `${applied.message} ${errorMessage(caught)}`,
  }));
}
