import { webCryptoSigner } from '@core/minisign';
import type { PackagePerson } from '@core/package';
import { createSignoff, TASK_FILE } from '@core/package';
import type { Acceptance } from '@core/review';
import type { TaskRecord } from '../../../db';
import { repositories } from '../../../db';
import { saveSignedPackage, signPackage } from '../../packages/export-signed-package';
import { acceptancePayload } from './acceptance-payload';

/**
 * Signs the client's decision over the same content digest the analyst and reviewer signed, and
 * offers the acceptance package for saving; the task moves only once the file is saved.
 */
export async function sendAcceptance(options: {
  task: TaskRecord;
  files: ReadonlyMap<string, Uint8Array>;
  contentDigest: string;
  deliverablePackageId: string;
  decision: Acceptance['decision'];
  comments: string;
}): Promise<boolean> {
  const { task, files, decision } = options;
  const [profile, key] = await Promise.all([
    repositories.identity.getProfile(),
    repositories.identity.getSigningKey(),
  ]);
  if (!profile || !key) throw new Error('Create your profile and signing key in Settings first.');
  if (!files.has(TASK_FILE)) throw new Error(`The deliverable has no ${TASK_FILE} to send back.`);
  const signoff = await createSignoff(
    {
      role: 'client',
      signer: { name: profile.displayName },
      date: new Date().toISOString(),
      contentDigest: options.contentDigest,
      statement:
        decision === 'accepted'
          ? 'I accept this deliverable.'
          : `I reject this deliverable: ${options.comments.trim()}`,
    },
    { keyId: key.keyIdBytes, sign: webCryptoSigner(key.privateKey) },
  );
  const acceptance: Acceptance = {
    decision,
    comments: options.comments.trim(),
    deliverablePackageId: options.deliverablePackageId,
    signoff,
  };
  const log = await repositories.tasks.auditLog(task.id);
  const people: PackagePerson[] = [
    ...(task.coordinator ? [{ role: 'coordinator' as const, ...task.coordinator }] : []),
    ...(task.analyst ? [{ role: 'analyst' as const, ...task.analyst }] : []),
    ...(task.reviewer ? [{ role: 'reviewer' as const, ...task.reviewer }] : []),
    {
      role: 'client',
      name: profile.displayName,
      keyId: profile.keyId,
      ...(profile.email ? { email: profile.email } : {}),
    },
  ];
  const pkg = await signPackage({
    kind: 'acceptance',
    taskId: task.id,
    fileStem: `${task.title}-${decision}`,
    people,
    files: acceptancePayload(files, acceptance, log.events),
  });
  const saved = await saveSignedPackage(pkg, 'acceptance', task.id);
  if (!saved) return false;
  await repositories.tasks.transition(task.id, decision, 'client', {
    packageId: pkg.packageId,
    comments: acceptance.comments,
  });
  return true;
}
