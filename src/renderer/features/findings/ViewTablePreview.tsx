import { Alert, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useViewTable } from '../charts/use-view-table';
import { BusyIndicator } from '../common/BusyIndicator';

/** Rows of a saved view shown where a finding refers to it. */
export const VIEW_PREVIEW_ROWS = 10;

/** A saved view's first rows as a table, recomputed from the data each time it is shown. */
export function ViewTablePreview({ viewId, label }: { viewId: string; label: string }) {
  const state = useViewTable(viewId, VIEW_PREVIEW_ROWS);
  return (
    <Paper withBorder p="sm" my="sm" mx={0} component="figure" aria-label={label} data-testid="view-table">
      {state.status === 'loading' ? (
        <BusyIndicator size="sm" label={`Loading ${label}`} />
      ) : state.status === 'missing' ? (
        <MissingReference kind="view" />
      ) : state.status === 'error' ? (
        <Alert color="red" role="alert">
          {state.error}
        </Alert>
      ) : (
        <Stack gap={4}>
          <ScrollArea>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {state.table.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.table.rows.map((row, r) => (
                  <Table.Tr key={r}>
                    {row.map((cell, c) => (
                      <Table.Td key={c}>{cell ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Text component="figcaption" size="xs" c="dimmed">
            {state.view.name} ({state.datasetName}):{' '}
            {state.totalRows > state.table.rows.length
              ? `first ${state.table.rows.length} of ${state.totalRows.toLocaleString('en-US')} rows`
              : `${state.totalRows} rows`}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

/** Red that keeps AA contrast on the page background in both themes. */
export const WARNING_INK = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-3))';

/** What a reference to something deleted (or never here) shows, so it is seen and fixed. */
export function MissingReference({ kind }: { kind: string }) {
  return (
    <Text span fw={600} size="sm" data-testid="missing-reference" role="note" style={{ color: WARNING_INK }}>
      [missing reference: {kind}]
    </Text>
  );
}
