import { Alert, Button, Group, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DatasetImportFailureCode } from '../../workers/import-dataset';
import { formatBytes } from '../../app/format';
import type { ImportJob } from './import-queue';
import {
  canRetryDatasetImport,
  cancelDatasetImport,
  dismissDatasetImport,
  retryDatasetImport,
} from './import-queue';
import type { ImportOptionsValue } from './ImportOptionsFields';
import { DEFAULT_MISSING_VALUES, ImportOptionsFields, toOverrides } from './ImportOptionsFields';
import { formatCount, plural } from './format';

/** Mantine's light alert titles use the colour's mid shade, too faint on its tint for WCAG AA. */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

function notesOf(outcome: Extract<ImportJob['outcome'], { status: 'ready' }>): string[] {
  const notes: string[] = [];
  if (outcome.raggedCount > 0)
    notes.push(`${plural(outcome.raggedCount, 'row had', 'rows had')} the wrong number of fields.`);
  if (outcome.renamedHeaders > 0)
    notes.push(
      `${plural(outcome.renamedHeaders, 'column name was', 'column names were')} empty or repeated and renamed.`,
    );
  if (outcome.rejectedValues > 0)
    notes.push(
      `${plural(outcome.rejectedValues, 'value', 'values')} did not fit the column type and became missing.`,
    );
  return notes;
}

function RunningJob({ job }: { job: ImportJob }) {
  const { progress } = job;
  const percent = progress && progress.totalBytes > 0 ? (progress.bytesRead / progress.totalBytes) * 100 : 0;
  const label = `Import progress for ${job.fileName}`;
  return (
    <Paper withBorder p="md" radius="md" aria-label={`Importing ${job.fileName}`} component="section">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {job.state === 'queued'
              ? `Waiting to import ${job.fileName}`
              : job.state === 'cancelling'
                ? `Cancelling ${job.fileName}…`
                : progress?.phase === 'retyping'
                  ? `Reading ${job.fileName} again with the final column types`
                  : `Importing ${job.fileName}`}
          </Text>
          <Button
            variant="default"
            size="xs"
            disabled={job.state === 'cancelling'}
            aria-label={`Cancel import of ${job.fileName}`}
            onClick={() => {
              cancelDatasetImport(job.key);
            }}
          >
            Cancel
          </Button>
        </Group>
        <Progress value={percent} aria-label={label} animated={job.state === 'running'} />
        <Text size="sm" c="dimmed" data-testid="import-progress" aria-live="polite">
          {progress
            ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)} · ${formatCount(progress.rowsParsed)} rows`
            : `${formatBytes(job.sizeBytes)} · waiting`}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Failures another encoding, delimiter or header choice can fix (a UTF-16 file without a BOM looks binary). */
const RETRYABLE = new Set<DatasetImportFailureCode>([
  'binary-file',
  'mixed-encoding',
  'unsupported-encoding',
  'unterminated-quote',
  'record-too-large',
  'no-columns',
  'unexpected',
]);

function RetryModal(props: { job: ImportJob; initial: ImportOptionsValue; onClose: () => void }) {
  const [options, setOptions] = useState(props.initial);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={`Import ${props.job.fileName} with other options`}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <Stack>
        <ImportOptionsFields value={options} onChange={setOptions} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => {
              retryDatasetImport(props.job.key, toOverrides(options));
              props.onClose();
            }}
          >
            Import again
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FinishedJob({ job, onShowReport }: { job: ImportJob; onShowReport: (datasetId: string) => void }) {
  const outcome = job.outcome;
  const [retrying, setRetrying] = useState(false);
  const dismiss = () => {
    dismissDatasetImport(job.key);
  };
  if (!outcome || outcome.status === 'cancelled') {
    return (
      <Alert
        color="gray"
        title={`Import of ${job.fileName} cancelled`}
        withCloseButton
        onClose={dismiss}
        closeButtonLabel="Dismiss"
        styles={READABLE_TITLE}
      >
        Nothing was stored.
      </Alert>
    );
  }
  if (outcome.status === 'failed') {
    const retry = RETRYABLE.has(outcome.code) && canRetryDatasetImport(job.key);
    return (
      <Alert
        color="red"
        role="alert"
        title={`Could not import ${job.fileName}`}
        withCloseButton
        onClose={dismiss}
        closeButtonLabel="Dismiss"
        styles={READABLE_TITLE}
      >
        <Stack gap={4}>
          <Text size="sm">{outcome.message} Nothing was stored.</Text>
          {retry && (
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setRetrying(true);
                }}
              >
                Try other import options
              </Button>
            </Group>
          )}
        </Stack>
        {retrying && (
          <RetryModal
            job={job}
            initial={{
              encoding: outcome.code === 'mixed-encoding' ? 'windows-1252' : undefined,
              delimiter: undefined,
              hasHeader: true,
              missingValues: DEFAULT_MISSING_VALUES,
            }}
            onClose={() => {
              setRetrying(false);
            }}
          />
        )}
      </Alert>
    );
  }
  const notes = notesOf(outcome);
  return (
    <Alert
      color={notes.length > 0 ? 'yellow' : 'green'}
      title={`Imported ${job.fileName}: ${plural(outcome.rowCount, 'row', 'rows')}, ${plural(outcome.columnCount, 'column', 'columns')}`}
      withCloseButton
      onClose={dismiss}
      closeButtonLabel="Dismiss"
      styles={READABLE_TITLE}
    >
      <Stack gap={4}>
        {notes.map((note) => (
          <Text size="sm" key={note}>
            {note}
          </Text>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              onShowReport(outcome.datasetId);
            }}
          >
            Show import report
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Imports in progress, waiting, and finished ones the user has not dismissed yet. */
export function ImportJobsPanel(props: {
  jobs: readonly ImportJob[];
  onShowReport: (datasetId: string) => void;
}) {
  if (props.jobs.length === 0) return null;
  return (
    <Stack gap="sm" mb="lg" data-testid="dataset-imports">
      {props.jobs.map((job) =>
        job.state === 'done' ? (
          <FinishedJob key={job.key} job={job} onShowReport={props.onShowReport} />
        ) : (
          <RunningJob key={job.key} job={job} />
        ),
      )}
    </Stack>
  );
}
