import { Button, Group, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import Papa from 'papaparse';
import { useMemo, useState } from 'react';
import { platform } from '../../../platform';
import { errorMessage } from '../../common/error-message';

const SHOWN_ROWS = 500;

function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

/** A result table from the deliverable: sortable by any column, downloadable exactly as delivered. */
export function CsvTable({ id, csv }: { id: string; csv: Uint8Array }) {
  const parsed = useMemo(() => {
    const result = Papa.parse<string[]>(new TextDecoder().decode(csv), { skipEmptyLines: true });
    const [header = [], ...rows] = result.data;
    return { header, rows };
  }, [csv]);
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return parsed.rows;
    const sorted = [...parsed.rows].sort((a, b) => compare(a[sort.column] ?? '', b[sort.column] ?? ''));
    return sort.descending ? sorted.reverse() : sorted;
  }, [parsed, sort]);

  const download = async () => {
    try {
      await platform.saveFile({
        suggestedName: `${id}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: csv,
      });
    } catch (caught) {
      notifications.show({ color: 'red', title: `Could not save ${id}.csv`, message: errorMessage(caught) });
    }
  };

  return (
    <section aria-label={`Table ${id}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{id}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => void download()}
          aria-label={`Download CSV of table ${id}`}
        >
          Download CSV
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder aria-label={`Table ${id} rows`}>
          <Table.Thead>
            <Table.Tr>
              {parsed.header.map((name, column) => {
                const active = sort?.column === column;
                return (
                  <Table.Th
                    key={`${name}-${String(column)}`}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <UnstyledButton
                      onClick={() => {
                        setSort({ column, descending: active ? !sort.descending : false });
                      }}
                    >
                      {name} {active ? (sort.descending ? '▼' : '▲') : ''}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, index) => (
              <Table.Tr key={String(index)}>
                {parsed.header.map((_, column) => (
                  <Table.Td key={String(column)}>{row[column] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {rows.length > SHOWN_ROWS && (
        <Text size="sm" c="dimmed">
          Showing {SHOWN_ROWS} of {rows.length} rows; the download has them all.
        </Text>
      )}
    </section>
  );
}
