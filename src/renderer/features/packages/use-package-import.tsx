import { notifications } from '@mantine/notifications';
import type { DragEvent } from 'react';
import { useState } from 'react';
import type { PickedFile } from '../../platform';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { ImportPackageModal } from './ImportPackageModal';

const KPO_FILTER = [{ name: 'KPO package', extensions: ['kpo'] }];

/** Open-dialog and drag-and-drop import of one .kpo file; renders the verification modal when active. */
export function usePackageImport() {
  const [file, setFile] = useState<PickedFile>();

  const openDialog = async () => {
    try {
      const [picked] = await platform.openFiles({ title: 'Import a package', filters: KPO_FILTER });
      if (picked) setFile(picked);
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not open the file', message: errorMessage(caught) });
    }
  };

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const [dropped] = Array.from(event.dataTransfer.files);
      if (!dropped) return;
      dropped.arrayBuffer().then(
        (buffer) => {
          setFile({ name: dropped.name, data: new Uint8Array(buffer) });
        },
        (caught: unknown) => {
          notifications.show({
            color: 'red',
            title: `Could not read ${dropped.name}`,
            message: errorMessage(caught),
          });
        },
      );
    },
  };

  const modal = file ? (
    <ImportPackageModal
      file={file}
      onClose={() => {
        setFile(undefined);
      }}
    />
  ) : null;

  return { openDialog, dropHandlers, modal };
}
