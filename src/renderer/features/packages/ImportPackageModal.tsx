import { Alert, Button, Checkbox, Group, Loader, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { VerifyPackageResult } from '@core/package';
import { SIGNER_KEY_FILE } from '@core/package';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { TrustedKeyInput } from '../../db';
import { repositories, ROLES } from '../../db';
import type { PickedFile } from '../../platform';
import { errorMessage } from '../common/error-message';
import { navigateTo } from '../../app/use-hash-route';
import { importReceivedPackage } from './import-received-package';
import { RECEIVED_PACKAGE_HANDLERS } from './received-package-handlers';
import { verifyPackageInWorker } from './verify-in-worker';
import { VerificationPanel } from './VerificationPanel';

type Check =
  | { state: 'verifying' }
  | { state: 'verified'; result: VerifyPackageResult }
  | { state: 'failed'; error: string };

async function verify(file: PickedFile): Promise<VerifyPackageResult> {
  return verifyPackageInWorker(file.data, await repositories.trustedKeys.verificationKeys());
}

function whyNotImportable(result: VerifyPackageResult): string | undefined {
  if (result.status === 'invalid') return 'An invalid package can never be imported.';
  if (result.status === 'unsigned')
    return 'Only signed packages can be imported: nobody vouches for this one.';
  if (result.info.kind === null || result.info.packageId === null || result.info.taskId === null)
    return 'This is a plain BagIt bag, not a KPO package: there is nothing to import.';
  return undefined;
}

function TrustSignerForm({ publicKeyText, onTrusted }: { publicKeyText: string; onTrusted: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<TrustedKeyInput['role']>('coordinator');
  const [error, setError] = useState<string>();
  const trust = async () => {
    try {
      await repositories.trustedKeys.add({ publicKeyText, name, role });
      onTrusted();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Trust this key
      </Text>
      <Group align="flex-end" grow>
        <TextInput
          label="Whose key is it?"
          value={name}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
          }}
        />
        <Select
          label="Their role"
          allowDeselect={false}
          data={[...ROLES, 'other'].map((r) => ({ value: r, label: r.charAt(0).toUpperCase() + r.slice(1) }))}
          value={role}
          onChange={(value) => {
            if (value) setRole(value as TrustedKeyInput['role']);
          }}
        />
      </Group>
      <Button
        variant="default"
        w="fit-content"
        onClick={() => {
          void trust();
        }}
      >
        Add to trusted keys
      </Button>
    </Stack>
  );
}

/**
 * Import of one .kpo: verification is shown first, and nothing is stored until the user confirms a
 * package that passed. An unknown signer needs an explicit acknowledgement or trusting the key.
 */
export function ImportPackageModal({ file, onClose }: { file: PickedFile; onClose: () => void }) {
  const [check, setCheck] = useState<Check>({ state: 'verifying' });
  const [verifyCount, setVerifyCount] = useState(0);
  const [acceptUnknown, setAcceptUnknown] = useState(false);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string>();

  useEffect(() => {
    let current = true;
    verify(file).then(
      (result) => {
        if (current) setCheck({ state: 'verified', result });
      },
      (caught: unknown) => {
        if (current) setCheck({ state: 'failed', error: errorMessage(caught) });
      },
    );
    return () => {
      current = false;
    };
  }, [file, verifyCount]);

  const result = check.state === 'verified' ? check.result : undefined;
  const blocked = result ? whyNotImportable(result) : undefined;
  const needsAcknowledgement = result?.status === 'unknown-signer';
  const signerKeyText = result?.files?.get(SIGNER_KEY_FILE);

  const doImport = async () => {
    if (!result || blocked || !result.signer || (needsAcknowledgement && !acceptUnknown)) return;
    const { info, signer } = result;
    setImporting(true);
    const record = {
      packageId: info.packageId ?? '',
      kind: info.kind ?? '',
      taskId: info.taskId ?? '',
      fileName: file.name,
      sizeBytes: file.data.byteLength,
      verification: result.status === 'trusted' ? ('trusted' as const) : ('unknown-signer' as const),
      signerKeyId: signer.keyId,
      ...(signer.name ? { signerName: signer.name } : {}),
      baggingDate: info.baggingDate,
      importedAt: new Date().toISOString(),
    };
    try {
      if (!result.files) throw new Error('This package has no contents to import.');
      const applied = await importReceivedPackage(
        { record, files: result.files, verification: result },
        file.data,
        RECEIVED_PACKAGE_HANDLERS,
      );
      notifications.show({ color: 'green', message: applied.message });
      onClose();
      if (applied.taskId) navigateTo(applied.screen ?? 'inbox', applied.taskId);
    } catch (caught) {
      setImportError(errorMessage(caught));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title="Import package"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {check.state === 'verifying' && (
        <Group gap="sm" py="lg" role="status">
          <Loader size="sm" aria-hidden />
          <Text>Checking {file.name}: zip, bag fixity, signature and contents…</Text>
        </Group>
      )}
      {check.state === 'failed' && (
        <Alert color="red" role="alert" title="Verification could not run">
          {check.error}
        </Alert>
      )}
      {result && (
        <Stack>
          <VerificationPanel result={result} fileName={file.name} />
          {blocked && (
            <Alert color="red" role="alert">
              {blocked}
            </Alert>
          )}
          {!blocked && needsAcknowledgement && signerKeyText && (
            <TrustSignerForm
              publicKeyText={new TextDecoder().decode(signerKeyText)}
              onTrusted={() => {
                setCheck({ state: 'verifying' });
                setVerifyCount((n) => n + 1);
              }}
            />
          )}
          {!blocked && needsAcknowledgement && (
            <Checkbox
              checked={acceptUnknown}
              onChange={(e) => {
                setAcceptUnknown(e.currentTarget.checked);
              }}
              label={`Import anyway: I accept a package signed by key ${result.signer?.keyId ?? ''}, which I do not trust`}
            />
          )}
          {importError && (
            <Alert color="red" role="alert" title="Not imported">
              {importError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {blocked ? 'Close' : 'Cancel'}
            </Button>
            {!blocked && (
              <Button
                loading={importing}
                disabled={needsAcknowledgement && !acceptUnknown}
                onClick={() => {
                  void doImport();
                }}
              >
                Import
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
