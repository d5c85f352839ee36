import { Alert, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../common/error-message';
import { DecisionForm } from './DecisionForm';
import { DeliverableContent } from './DeliverableContent';
import { DeliverableVerificationPanel } from './DeliverableVerificationPanel';
import type { DeliverableView } from './deliverable-view';
import { deliverableView } from './deliverable-view';
import type { DeliverableCheck } from './use-deliverable-check';
import { useDeliverableCheck, useSentDeliverableCheck } from './use-deliverable-check';

const describeKeys = (keys: string[]): string =>
  keys.length === 1 ? `key ${keys[0] ?? ''} is` : `keys ${keys.join(', ')} are`;

/**
 * The client's view of one deliverable: verification first and always on top; the content only
 * when it passed, and from an unknown signer only after an explicit choice, marked throughout.
 * Accepting or rejecting it is the client's decision alone, so only this view offers it.
 */
export function ClientDeliverableView({ taskId }: { taskId: string }) {
  return <VerifiedDeliverable check={useDeliverableCheck(taskId)} decide />;
}

/**
 * The provider's view of the deliverable package this installation signed and sent: the same
 * verification of the stored bytes against today's trust list, and the same read-only content,
 * without the client's decision.
 */
export function SentDeliverableView({ taskId, packageId }: { taskId: string; packageId: string }) {
  return <VerifiedDeliverable check={useSentDeliverableCheck(taskId, packageId)} decide={false} />;
}

function VerifiedDeliverable({ check, decide }: { check: DeliverableCheck; decide: boolean }) {
  const [viewUnknown, setViewUnknown] = useState(false);
  const content = useMemo((): { deliverable: DeliverableView } | { error: string } | null => {
    if (check.state !== 'checked' || check.verification.status === 'refused') return null;
    try {
      return { deliverable: deliverableView(check.files) };
    } catch (caught) {
      return { error: errorMessage(caught) };
    }
  }, [check]);

  if (check.state === 'loading') {
    return (
      <Group role="status">
        <Loader size="sm" aria-hidden />
        <Text>Verifying the deliverable…</Text>
      </Group>
    );
  }
  if (check.state !== 'checked') {
    return (
      <Alert color="red" role="alert" title="Cannot show this deliverable">
        {check.message}
      </Alert>
    );
  }
  const { verification } = check;
  const unknown = verification.status === 'unknown-signer';
  const unknownKeys = [
    ...(verification.packageSigner && !verification.packageSigner.trusted
      ? [verification.packageSigner.keyId]
      : []),
    ...verification.signoffs.filter((s) => !s.keyTrusted).map((s) => s.keyId),
  ];
  return (
    <Stack>
      {/* Stays in view below the app's fixed header; capped so it never takes over the screen. */}
      <div
        style={{
          position: 'sticky',
          top: 'var(--app-shell-header-offset, 0rem)',
          zIndex: 2,
          maxHeight: '45vh',
          overflowY: 'auto',
          paddingBlock: 'var(--mantine-spacing-xs)',
          background: 'var(--mantine-color-body)',
          borderBottom: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <DeliverableVerificationPanel verification={verification} fileName={check.fileName} />
      </div>
      {unknown && (
        <Checkbox
          checked={viewUnknown}
          onChange={(event) => {
            setViewUnknown(event.currentTarget.checked);
          }}
          label={`View anyway: I understand that ${describeKeys([...new Set(unknownKeys)])} not in my trusted keys`}
        />
      )}
      {content && 'error' in content && (
        <Alert color="red" role="alert" title="The deliverable could not be read">
          {content.error}
        </Alert>
      )}
      {content && 'deliverable' in content && (!unknown || viewUnknown) && (
        <>
          <DeliverableContent deliverable={content.deliverable} unknownSigner={unknown} />
          {decide && verification.contentDigest && (
            <DecisionForm
              task={check.task}
              files={check.files}
              contentDigest={verification.contentDigest}
              deliverablePackageId={check.packageId}
            />
          )}
        </>
      )}
    </Stack>
  );
}
