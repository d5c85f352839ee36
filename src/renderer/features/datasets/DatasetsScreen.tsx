import { Anchor, Box, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileImport, IconTable } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DragEvent } from 'react';
import { useState } from 'react';
import type { DatasetRecord } from '../../db';
import { repositories } from '../../db';
import { screenHref, useScreenPath } from '../../app/use-hash-route';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { errorMessage } from '../common/error-message';
import { DeleteDatasetModal, RenameDatasetModal } from './DatasetModals';
import type { DatasetAction } from './DatasetsTable';
import { DatasetsTable } from './DatasetsTable';
import { chooseAndImportCsvFiles, enqueueDatasetImports, useDatasetImports } from './import-queue';
import { ImportJobsPanel } from './ImportJobsPanel';
import { ImportReportModal } from './ImportReportModal';
import { DatasetView } from './viewer/DatasetView';

type OpenModal = { action: DatasetAction; datasetId: string } | undefined;

function DatasetsList() {
  const datasets = useLiveQuery(async () => repositories.datasets.list(), []);
  const uses = useLiveQuery(async () => repositories.datasets.uses(), []);
  const jobs = useDatasetImports();
  const [modal, setModal] = useState<OpenModal>();
  const [dragging, setDragging] = useState(false);
  // Looked up live, so a modal shows the dataset as it is now (e.g. after a rename elsewhere).
  const modalDataset = useLiveQuery(
    async () => (modal ? ((await repositories.datasets.get(modal.datasetId)) ?? null) : null),
    [modal?.datasetId],
  );

  const openDialog = async () => {
    try {
      await chooseAndImportCsvFiles();
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not open the files', message: errorMessage(caught) });
    }
  };

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.length > 0) enqueueDatasetImports(files);
    },
  };

  const close = () => {
    setModal(undefined);
  };
  const onAction = (action: DatasetAction, dataset: DatasetRecord) => {
    setModal({ action, datasetId: dataset.id });
  };

  const importButton = (
    <Button
      leftSection={<IconFileImport size={18} aria-hidden />}
      onClick={() => {
        void openDialog();
      }}
    >
      Import CSV
    </Button>
  );

  return (
    <Box
      {...dropHandlers}
      mih="70vh"
      data-testid="datasets-drop-zone"
      style={{
        outline: dragging ? '2px dashed var(--mantine-color-blue-filled)' : undefined,
        outlineOffset: 8,
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <ScreenHeader
        title="Datasets"
        description="CSV data stored on this computer, ready to explore offline. Drop CSV files anywhere here to import them."
        actions={importButton}
      />
      <ImportJobsPanel
        jobs={jobs}
        onShowReport={(datasetId) => {
          setModal({ action: 'report', datasetId });
        }}
      />
      {datasets && datasets.length > 0 && (
        <DatasetsTable datasets={datasets} uses={uses} onAction={onAction} />
      )}
      {datasets && datasets.length === 0 && (
        <EmptyState icon={IconTable} title="No datasets yet">
          Use Import CSV or drop one or more CSV files here. Each file is read on this computer (encoding,
          delimiter and column types are detected for you) and stored here, so you can filter, group and chart
          it without a network.
        </EmptyState>
      )}
      {modal && modalDataset && modal.action === 'report' && (
        <ImportReportModal dataset={modalDataset} uses={uses?.[modalDataset.id]} onClose={close} />
      )}
      {modal && modalDataset && modal.action === 'rename' && (
        <RenameDatasetModal dataset={modalDataset} onClose={close} />
      )}
      {modal && modalDataset && modal.action === 'delete' && (
        <DeleteDatasetModal dataset={modalDataset} onClose={close} />
      )}
    </Box>
  );
}

export function DatasetsScreen() {
  const datasetId = useScreenPath();
  if (datasetId === '') return <DatasetsList />;
  return (
    <Stack gap="sm">
      <Anchor href={screenHref('datasets')} size="sm">
        <IconArrowLeft size={14} aria-hidden /> <Text span>All datasets</Text>
      </Anchor>
      <DatasetView key={datasetId} datasetId={datasetId} />
    </Stack>
  );
}
