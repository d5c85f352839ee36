import { Alert, Button, Code, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { DatasetRecord, DatasetUse } from '../../db';
import { repositories } from '../../db';
import { formatBytes } from '../../app/format';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { lockOf } from './dataset-lock';
import { CSV_FILTER, enqueueDatasetImports, sourceFileOf } from './import-queue';
import { DELIMITER_NAMES, describeEncoding, formatCount, NEWLINE_NAMES, plural } from './format';
import type { ImportOptionsValue } from './ImportOptionsFields';
import { DEFAULT_MISSING_VALUES, ImportOptionsFields, toOverrides } from './ImportOptionsFields';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The CSV a task keeps with it, as a file to import again (a task's dataset must be re-read from it). */
async function taskFile(dataset: DatasetRecord, use: DatasetUse): Promise<File> {
  const stored = await repositories.tasks.file(use.taskId, use.path);
  if (!stored) throw new Error(`Task "${use.title}" no longer keeps ${use.path} on this computer.`);
  return new File([stored.bytes.slice().buffer], dataset.sourceFileName, { type: 'text/csv' });
}

/**
 * Re-runs the import with the user's choices; the new dataset replaces this one once ready. A task's
 * dataset is read again from the copy the task keeps, and not at all while the task locks it.
 */
function ImportOptionsForm({
  dataset,
  uses,
  onStarted,
}: {
  dataset: DatasetRecord;
  uses: DatasetUse[] | undefined;
  onStarted: () => void;
}) {
  const { report } = dataset;
  const [options, setOptions] = useState<ImportOptionsValue>({
    encoding: report.encoding.encoding,
    delimiter: report.delimiter.value,
    hasHeader: report.hasHeader,
    // Datasets imported before the report kept the list were read with the defaults.
    missingValues:
      report.missingTokens === undefined
        ? DEFAULT_MISSING_VALUES
        : report.missingTokens.filter((token) => token !== '').join(', '),
  });
  const [error, setError] = useState<string>();
  const remembered = sourceFileOf(dataset.id);
  const locked = lockOf(uses);
  const task = uses?.[0];

  const reimport = async () => {
    try {
      let file = task ? await taskFile(dataset, task) : remembered;
      if (!file) {
        const [picked] = await platform.chooseFilesToStream({
          title: `Choose ${dataset.sourceFileName} again`,
          filters: CSV_FILTER,
        });
        if (!picked) return;
        file = picked;
      }
      enqueueDatasetImports([file], {
        overrides: toOverrides(options),
        replaces: { id: dataset.id, name: dataset.name },
      });
      onStarted();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-options-heading">
      <Title order={3} size="h5" id="import-options-heading" mb="xs">
        Import options
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        If the text looks garbled or the columns are split wrongly, import the file again with other options.
        The new import replaces this dataset (saved views are kept) once it has finished.
        {task
          ? ` It reads ${task.path} as kept with task "${task.title}".`
          : remembered
            ? ''
            : ` You will be asked for ${dataset.sourceFileName} again.`}
      </Text>
      {locked !== undefined && (
        <Alert color="gray" mb="sm" id="reimport-lock-reason" data-testid="dataset-lock-reason">
          {locked}
        </Alert>
      )}
      <ImportOptionsFields value={options} onChange={setOptions} />
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button
          disabled={uses === undefined || locked !== undefined}
          aria-describedby={locked !== undefined ? 'reimport-lock-reason' : undefined}
          onClick={() => {
            void reimport();
          }}
        >
          {remembered || task ? 'Re-import' : 'Choose file and re-import'}
        </Button>
      </Group>
    </Paper>
  );
}

export function ImportReportModal({
  dataset,
  uses,
  onClose,
}: {
  dataset: DatasetRecord;
  /** The tasks using the dataset (undefined while loading): a task may lock it or hold its file. */
  uses: DatasetUse[] | undefined;
  onClose: () => void;
}) {
  const { report } = dataset;
  const { ragged } = report;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Import report: ${dataset.name}`}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <Stack gap="md">
        <Table withTableBorder aria-label="How the file was read" data-testid="import-facts">
          <Table.Tbody>
            <Fact label="File">
              {dataset.sourceFileName} ({formatBytes(dataset.sizeBytes)})
            </Fact>
            <Fact label="SHA-256">
              <Code>{dataset.sha256}</Code>
            </Fact>
            <Fact label="Encoding">{describeEncoding(report.encoding)}</Fact>
            <Fact label="Delimiter">
              {DELIMITER_NAMES[report.delimiter.value]} (
              {report.delimiter.detected ? 'detected' : 'chosen by you'})
            </Fact>
            <Fact label="Header row">
              {report.hasHeader ? 'Yes: the first row holds the column names' : 'No'}
            </Fact>
            <Fact label="Line breaks">{NEWLINE_NAMES[report.newline]}</Fact>
            <Fact label="Rows">{formatCount(dataset.rowCount)}</Fact>
            {report.blankLinesSkipped > 0 && (
              <Fact label="Blank lines skipped">{formatCount(report.blankLinesSkipped)}</Fact>
            )}
            {report.malformedQuotes > 0 && (
              <Fact label="Stray quotes kept as text">{formatCount(report.malformedQuotes)}</Fact>
            )}
          </Table.Tbody>
        </Table>

        {report.headerNotices.length > 0 && (
          <section aria-labelledby="header-notices-heading">
            <Title order={3} size="h5" id="header-notices-heading" mb="xs">
              Renamed columns
            </Title>
            <List size="sm" data-testid="header-notices">
              {report.headerNotices.map((notice) => (
                <List.Item key={notice.index}>
                  Column {notice.index + 1}{' '}
                  {notice.reason === 'empty'
                    ? 'had no name'
                    : `repeated the name "${notice.original.trim()}"`}
                  : now <Code>{notice.renamed}</Code>
                </List.Item>
              ))}
            </List>
          </section>
        )}

        {ragged.count > 0 && (
          <section aria-labelledby="ragged-heading">
            <Title order={3} size="h5" id="ragged-heading" mb="xs">
              Rows with the wrong number of fields
            </Title>
            <Text size="sm" mb="xs">
              {plural(ragged.count, 'row', 'rows')}: {formatCount(ragged.padded)} short (filled with missing
              values), {formatCount(ragged.truncated)} long (extra fields dropped).
              {ragged.listed.length < ragged.count
                ? ` The first ${formatCount(ragged.listed.length)} are listed.`
                : ''}
            </Text>
            <Table withTableBorder striped aria-label="Ragged rows" data-testid="ragged-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line in file</Table.Th>
                  <Table.Th>Fields expected</Table.Th>
                  <Table.Th>Fields found</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ragged.listed.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{formatCount(row.line)}</Table.Td>
                    <Table.Td>{row.expected}</Table.Td>
                    <Table.Td>{row.actual}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        )}

        <section aria-labelledby="columns-heading">
          <Title order={3} size="h5" id="columns-heading" mb="xs">
            Columns
          </Title>
          <Table withTableBorder striped aria-label="Columns" data-testid="report-columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Inferred</Table.Th>
                <Table.Th>Missing</Table.Th>
                <Table.Th>Values that did not fit</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dataset.columns.map((column, i) => {
                const imported = report.columns[i];
                return (
                  <Table.Tr key={column.name}>
                    <Table.Td>{column.name}</Table.Td>
                    <Table.Td>{column.type}</Table.Td>
                    <Table.Td>{column.inferredType}</Table.Td>
                    <Table.Td>{formatCount(imported?.missing ?? 0)}</Table.Td>
                    <Table.Td>
                      {formatCount(imported?.rejectedCount ?? 0)}
                      {imported && imported.rejected.length > 0
                        ? ` (${imported.rejected
                            .slice(0, 5)
                            .map((r) => `row ${formatCount(r.row + 1)}: "${r.value}"`)
                            .join(', ')}${imported.rejectedCount > 5 ? ', …' : ''})`
                        : ''}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </section>

        <ImportOptionsForm dataset={dataset} uses={uses} onStarted={onClose} />
      </Stack>
    </Modal>
  );
}
