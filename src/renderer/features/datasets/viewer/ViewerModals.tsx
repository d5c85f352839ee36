import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnType } from '@core/table';
import { COLUMN_TYPES } from '@core/table';
import { useState } from 'react';
import { repositories } from '../../../db';
import { platform } from '../../../platform';
import { errorMessage } from '../../common/error-message';
import type { QueryRemote } from './use-query-worker';

/** Exports exactly the current view (rows in order, visible columns) as UTF-8 CSV with a header. */
export function ExportModal(props: {
  remote: QueryRemote;
  handle: number;
  datasetName: string;
  rowCount: number;
  onClose: () => void;
}) {
  const [fileName, setFileName] = useState(`${props.datasetName.replace(/[\\/:*?"<>|]+/g, '_')} view.csv`);
  const [escapeFormulas, setEscapeFormulas] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const exportView = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const data = await props.remote.exportCsv(props.handle, escapeFormulas);
      if (data === undefined) throw new Error('The view changed while exporting; try again.');
      const name = fileName.trim().toLowerCase().endsWith('.csv')
        ? fileName.trim()
        : `${fileName.trim()}.csv`;
      const outcome = await platform.saveFile({
        suggestedName: name,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data,
      });
      if (outcome.saved) {
        notifications.show({
          message: `Exported ${props.rowCount.toLocaleString('en-US')} rows to ${outcome.fileName}.`,
        });
        props.onClose();
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      title="Export view as CSV"
      onClose={props.onClose}
    >
      <Stack>
        <Text size="sm">
          {props.rowCount.toLocaleString('en-US')} rows with the visible columns in the order shown, UTF-8
          with a header row.
        </Text>
        <TextInput
          label="File name"
          value={fileName}
          onChange={(event) => {
            setFileName(event.currentTarget.value);
          }}
        />
        <Checkbox
          label="Protect against formula injection"
          description="Text cells starting with = + - @ get a leading ' so spreadsheets show them instead of running them."
          checked={escapeFormulas}
          onChange={(event) => {
            setEscapeFormulas(event.currentTarget.checked);
          }}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            onClick={() => {
              void exportView();
            }}
          >
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Changes a stored column's type; values that do not fit become missing and the count is shown. */
export function ChangeTypeModal(props: {
  datasetId: string;
  column: { name: string; type: ColumnType };
  onChanged: () => Promise<void>;
  onClose: () => void;
}) {
  const [type, setType] = useState<ColumnType>(props.column.type);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{ missing: number; examples: string[] }>();
  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const change = await repositories.datasets.changeColumnType(props.datasetId, props.column.name, type);
      await props.onChanged();
      setResult({ missing: change.missingCount, examples: change.failures.slice(0, 5).map((f) => f.value) });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      title={`Change the type of “${props.column.name}”`}
      onClose={props.onClose}
    >
      <Stack>
        <Select
          label="New type"
          allowDeselect={false}
          data={COLUMN_TYPES.map((t) => ({ value: t, label: t }))}
          value={type}
          disabled={result !== undefined}
          onChange={(value) => {
            if (value) setType(value);
          }}
        />
        {result === undefined && (
          <Text size="sm" c="dimmed">
            Values that do not fit the new type become missing; you will see how many.
          </Text>
        )}
        {result && (
          <Alert color={result.missing > 0 ? 'orange' : 'green'} data-testid="type-change-result">
            {result.missing === 0
              ? `“${props.column.name}” is now ${type}; every value fitted.`
              : `“${props.column.name}” is now ${type}; ${result.missing.toLocaleString('en-US')} value${result.missing === 1 ? '' : 's'} did not fit and became missing${result.examples.length > 0 ? ` (e.g. ${result.examples.map((e) => `“${e}”`).join(', ')})` : ''}.`}
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          {result ? (
            <Button onClick={props.onClose}>Done</Button>
          ) : (
            <>
              <Button variant="default" onClick={props.onClose}>
                Cancel
              </Button>
              <Button
                loading={busy}
                disabled={type === props.column.type}
                onClick={() => {
                  void apply();
                }}
              >
                Change type
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
