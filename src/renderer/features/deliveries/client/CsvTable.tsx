import { slugify } from '@core/deliverable';
import { Button, Group, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { platform } from '../../../platform';
import { errorMessage } from '../../common/error-message';
import { previewCsv } from './csv-preview';

/** Rows parsed for the grid (and sorted among themselves); the download always has every row. */
export const PARSED_ROWS = 5_000;
/** Rows put on screen at a time: a plain table of thousands of rows is slow to lay out. */
const PAGE_ROWS = 500;

const count = (n: number): string => n.toLocaleString('en-GB');

function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

/**
 * A result table from the deliverable, named as the analyst named it: sortable by any column and
 * downloadable exactly as delivered. Large tables show their first {@link PARSED_ROWS} rows only.
 */
export function CsvTable({ name, csv }: { name: string; csv: Uint8Array }) {
  const preview = useMemo(() => previewCsv(csv, PARSED_ROWS), [csv]);
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const [shown, setShown] = useState(PAGE_ROWS);
  const rows = useMemo(() => {
    if (!sort) return preview.rows;
    const sorted = [...preview.rows].sort((a, b) => compare(a[sort.column] ?? '', b[sort.column] ?? ''));
    return sort.descending ? sorted.reverse() : sorted;
  }, [preview, sort]);
  const fileName = `${slugify(name, 'table')}.csv`;
  const label = `table "${name}"`;

  const download = async () => {
    try {
      await platform.saveFile({
        suggestedName: fileName,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: csv,
      });
    } catch (caught) {
      notifications.show({
        color: 'red',
        title: `Could not save ${fileName}`,
        message: errorMessage(caught),
      });
    }
  };

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{name}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => void download()}
          aria-label={`Download CSV of ${label}`}
        >
          Download CSV
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder aria-label={`Rows of ${label}`}>
          <Table.Thead>
            <Table.Tr>
              {preview.header.map((column, index) => {
                const active = sort?.column === index;
                return (
                  <Table.Th
                    key={`${column}-${String(index)}`}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <UnstyledButton
                      onClick={() => {
                        setSort({ column: index, descending: active ? !sort.descending : false });
                      }}
                    >
                      {column} {active ? (sort.descending ? '▼' : '▲') : ''}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shown).map((row, index) => (
              <Table.Tr key={String(index)}>
                {preview.header.map((_, column) => (
                  <Table.Td key={String(column)}>{row[column] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Group gap="xs" mt={4}>
        {!preview.complete && (
          <Text size="sm" c="dimmed" data-testid="table-row-note">
            Showing the first {count(preview.rows.length)} of {count(preview.totalRows)} rows; sorting orders
            these rows only. Download the CSV for all {count(preview.totalRows)}.
          </Text>
        )}
        {rows.length > shown && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setShown((n) => n + PAGE_ROWS);
            }}
          >
            Show {count(Math.min(PAGE_ROWS, rows.length - shown))} more rows ({count(shown)} of{' '}
            {count(rows.length)} on screen)
          </Button>
        )}
      </Group>
    </div>
  );
}
